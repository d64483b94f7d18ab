package dev.agentbin.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Secrets Manager cannot be reached here: a map plays it, holding secrets in the shapes AWS stores them. */
class SecretsToConfigTest {

    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private final Function<String, Optional<String>> setting = name -> Optional.ofNullable(settings.get(name));

    @Test
    void nothingConfiguredReadsNothing() {
        Assertions.assertFalse(SecretsToConfig.anyConfigured(setting));
        Assertions.assertEquals(Map.of(), SecretsToConfig.properties(setting, this::read));
    }

    @Test
    void theRdsSecretGivesTheDatasourceCredentials() {
        settings.put(SecretsToConfig.DB, "arn:db");
        secrets.put(
                "arn:db",
                "{\"engine\":\"postgres\",\"host\":\"h\",\"port\":5432,\"username\":\"agentbin\",\"password\":\"s3cret\"}");
        Assertions.assertEquals(
                Map.of("quarkus.datasource.username", "agentbin", "quarkus.datasource.password", "s3cret"),
                SecretsToConfig.properties(setting, this::read));
    }

    /** Only the migration is given this secret: it creates the role the other functions connect as. */
    @Test
    void theApplicationRoleSecretGivesTheMigrationTheRoleToCreate() {
        settings.put(SecretsToConfig.DB_APP_ROLE, "arn:app");
        secrets.put("arn:app", "{\"username\":\"agentbin_app\",\"password\":\"r4nd0m\"}");
        Assertions.assertTrue(SecretsToConfig.anyConfigured(setting));
        Assertions.assertEquals(
                Map.of("agentbin.app-role.username", "agentbin_app", "agentbin.app-role.password", "r4nd0m"),
                SecretsToConfig.properties(setting, this::read));
    }

    @Test
    void theSigningKeyAndTelephonySecretsMapToTheirProperties() {
        settings.put(SecretsToConfig.JWT, "arn:jwt");
        settings.put(SecretsToConfig.TELEPHONY, "arn:tel");
        secrets.put("arn:jwt", "-----BEGIN PRIVATE KEY-----\nMII...\n-----END PRIVATE KEY-----\n");
        secrets.put(
                "arn:tel",
                "{\"provider\":\"twilio\",\"account_sid\":\"AC1\",\"auth_token\":\"t\",\"from_number\":\"+15550100\","
                        + "\"callback_base_url\":\"https://api.example.com\"}");
        Map<String, String> properties = SecretsToConfig.properties(setting, this::read);
        Assertions.assertEquals(secrets.get("arn:jwt"), properties.get("agentbin.jwt.private-key"));
        Assertions.assertEquals("twilio", properties.get("agentbin.telephony.provider"));
        Assertions.assertEquals("AC1", properties.get("agentbin.telephony.twilio.account-sid"));
        Assertions.assertEquals("t", properties.get("agentbin.telephony.twilio.auth-token"));
        Assertions.assertEquals("+15550100", properties.get("agentbin.telephony.twilio.from-number"));
        Assertions.assertEquals(
                "https://api.example.com", properties.get("agentbin.telephony.twilio.callback-base-url"));
        Assertions.assertFalse(properties.containsKey("agentbin.telephony.twilio.api-base-url"));
    }

    @Test
    void theSimulatorKeyComesFromTheTelephonySecret() {
        settings.put(SecretsToConfig.TELEPHONY, "arn:tel");
        secrets.put("arn:tel", "{\"provider\":\"simulator\",\"simulator_secret\":\"deployed-key\"}");
        Map<String, String> properties = SecretsToConfig.properties(setting, this::read);
        Assertions.assertEquals("simulator", properties.get("agentbin.telephony.provider"));
        Assertions.assertEquals("deployed-key", properties.get("agentbin.telephony.simulator.secret"));
    }

    @Test
    void aProviderOfItsOwnNeedsNoChangeHere() {
        settings.put(SecretsToConfig.TELEPHONY, "arn:tel");
        secrets.put(
                "arn:tel",
                "{\"provider\":\"chime\",\"sip_media_application_id\":\"sma-1\",\"chime_region\":\"us-east-1\"}");
        Assertions.assertEquals(
                Map.of(
                        "agentbin.telephony.provider",
                        "chime",
                        "agentbin.telephony.chime.sip-media-application-id",
                        "sma-1",
                        "agentbin.telephony.chime.region",
                        "us-east-1"),
                SecretsToConfig.properties(setting, this::read));
    }

    @Test
    void aTelephonySecretWithoutItsProviderIsRefused() {
        settings.put(SecretsToConfig.TELEPHONY, "arn:tel");
        secrets.put("arn:tel", "{\"account_sid\":\"AC1\",\"auth_token\":\"t0ken\"}");
        IllegalStateException failure = Assertions.assertThrows(
                IllegalStateException.class, () -> SecretsToConfig.properties(setting, this::read));
        Assertions.assertFalse(failure.getMessage().contains("t0ken"));
    }

    @Test
    void aSecretThatIsNotJsonFailsWithoutShowingIt() {
        settings.put(SecretsToConfig.DB, "arn:db");
        secrets.put("arn:db", "hunter2");
        IllegalStateException failure = Assertions.assertThrows(
                IllegalStateException.class, () -> SecretsToConfig.properties(setting, this::read));
        Assertions.assertFalse(failure.getMessage().contains("hunter2"));
    }

    private String read(String arn) {
        return secrets.get(arn);
    }
}
