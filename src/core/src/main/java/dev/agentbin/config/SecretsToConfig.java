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
 *   <li>{@code agentbin.db-secret-arn}: the JSON of the user the function connects as (the RDS-generated
 *       master secret for the migration, the application role's for the others); its username and password.</li>
 *   <li>{@code agentbin.db-app-secret-arn}: the migration only: the application role it creates, as
 *       {@code agentbin.app-role.username} and {@code agentbin.app-role.password}.</li>
 *   <li>{@code agentbin.jwt-signing-key-secret-arn}: the PEM private key (the login function only).</li>
 *   <li>{@code agentbin.telephony-secret-arn}: JSON naming the {@code provider} and holding that provider's
 *       settings: each other field {@code some_name} is the setting {@code agentbin.telephony.<provider>.some-name}
 *       (Twilio: {@code account_sid}, {@code auth_token}, ...). A field may repeat the provider's name in
 *       front ({@code simulator_secret} is the simulator's {@code secret}). So a provider's folder alone says
 *       which settings it reads; nothing here knows them.</li>
 * </ul>
 */
public final class SecretsToConfig {

    static final String DB = "agentbin.db-secret-arn";
    static final String DB_APP_ROLE = "agentbin.db-app-secret-arn";
    static final String JWT = "agentbin.jwt-signing-key-secret-arn";
    static final String TELEPHONY = "agentbin.telephony-secret-arn";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER = "provider";

    private SecretsToConfig() {}

    /** @param setting looks up a configuration value (the ARNs) */
    public static Map<String, String> properties(Function<String, Optional<String>> setting, SecretReader secrets) {
        Map<String, String> properties = new HashMap<>();
        setting.apply(DB).map(secrets::read).map(SecretsToConfig::json).ifPresent(db -> {
            putText(properties, "quarkus.datasource.username", db, "username");
            putText(properties, "quarkus.datasource.password", db, "password");
        });
        setting.apply(DB_APP_ROLE).map(secrets::read).map(SecretsToConfig::json).ifPresent(role -> {
            putText(properties, "agentbin.app-role.username", role, "username");
            putText(properties, "agentbin.app-role.password", role, "password");
        });
        setting.apply(JWT).map(secrets::read).ifPresent(pem -> properties.put("agentbin.jwt.private-key", pem));
        setting.apply(TELEPHONY)
                .map(secrets::read)
                .map(SecretsToConfig::json)
                .ifPresent(telephony -> putTelephony(properties, telephony));
        return properties;
    }

    private static void putTelephony(Map<String, String> properties, JsonNode telephony) {
        JsonNode provider = telephony.get(PROVIDER);
        if (provider == null || !provider.isTextual() || provider.asText().isBlank()) {
            throw new IllegalStateException("the telephony secret names no provider");
        }
        String name = provider.asText();
        putText(properties, "agentbin.telephony.provider", telephony, PROVIDER);
        telephony.fieldNames().forEachRemaining(field -> {
            if (!field.equals(PROVIDER)) {
                String key = field.startsWith(name + "_") ? field.substring(name.length() + 1) : field;
                putText(properties, "agentbin.telephony." + name + "." + key.replace('_', '-'), telephony, field);
            }
        });
    }

    static boolean anyConfigured(Function<String, Optional<String>> setting) {
        return setting.apply(DB)
                .or(() -> setting.apply(DB_APP_ROLE))
                .or(() -> setting.apply(JWT))
                .or(() -> setting.apply(TELEPHONY))
                .isPresent();
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
