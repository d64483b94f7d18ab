package dev.agentbin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the deployment's secrets into configuration properties. Each secret is named by an ARN in the
 * environment (set by infra/), so only the functions granted a secret ever read it:
 * <ul>
 *   <li>{@code agentbin.db-secret-arn}: the RDS-generated JSON; its username and password.</li>
 *   <li>{@code agentbin.jwt-signing-key-secret-arn}: the PEM private key (the login function only).</li>
 *   <li>{@code agentbin.telephony-secret-arn}: JSON {@code {"provider", "account_sid", "auth_token",
 *       "from_number", "callback_base_url", "api_base_url", "simulator_secret"}}, all optional but provider;
 *       {@code simulator_secret} is required when the provider is the simulator.</li>
 * </ul>
 */
public final class SecretsToConfig {

    static final String DB = "agentbin.db-secret-arn";
    static final String JWT = "agentbin.jwt-signing-key-secret-arn";
    static final String TELEPHONY = "agentbin.telephony-secret-arn";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TELEPHONY_KEYS = Map.of(
            "simulator_secret", "agentbin.telephony.simulator.secret",
            "provider", "agentbin.telephony.provider",
            "account_sid", "agentbin.telephony.twilio.account-sid",
            "auth_token", "agentbin.telephony.twilio.auth-token",
            "from_number", "agentbin.telephony.twilio.from-number",
            "callback_base_url", "agentbin.telephony.twilio.callback-base-url",
            "api_base_url", "agentbin.telephony.twilio.api-base-url");

    private SecretsToConfig() {
    }

    /** @param setting looks up a configuration value (the ARNs) */
    public static Map<String, String> properties(Function<String, Optional<String>> setting, SecretReader secrets) {
        Map<String, String> properties = new HashMap<>();
        setting.apply(DB).map(secrets::read).map(SecretsToConfig::json).ifPresent(db -> {
            putText(properties, "quarkus.datasource.username", db, "username");
            putText(properties, "quarkus.datasource.password", db, "password");
        });
        setting.apply(JWT).map(secrets::read).ifPresent(pem -> properties.put("agentbin.jwt.private-key", pem));
        setting.apply(TELEPHONY).map(secrets::read).map(SecretsToConfig::json)
                .ifPresent(telephony -> TELEPHONY_KEYS.forEach((field, property) -> putText(properties, property, telephony, field)));
        return properties;
    }

    static boolean anyConfigured(Function<String, Optional<String>> setting) {
        return setting.apply(DB).or(() -> setting.apply(JWT)).or(() -> setting.apply(TELEPHONY)).isPresent();
    }

    private static void putText(Map<String, String> properties, String property, JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value != null && value.isValueNode() && !value.asText().isBlank()) {
            properties.put(property, value.asText());
        }
    }

    private static JsonNode json(String secret) {
        try {
            return JSON.readTree(secret);
        } catch (IOException e) {
            // The secret's text is not echoed: it is a secret.
            throw new IllegalStateException("a secret expected to hold JSON does not");
        }
    }
}
