package dev.agentbin.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the deployment's secrets from Secrets Manager once, at start, into configuration (see
 * {@link SecretsToConfig}). Without any secret ARN configured (local runs, tests) it does nothing and
 * creates no AWS client. Its ordinal puts it under environment variables and above application.properties.
 */
public class AwsSecretsConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 270;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        java.util.function.Function<String, Optional<String>> setting =
                name -> Optional.ofNullable(context.getValue(name))
                        .map(ConfigValue::getValue)
                        .filter(value -> !value.isBlank());
        if (!SecretsToConfig.anyConfigured(setting)) {
            return List.of();
        }
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            SecretReader reader = arn ->
                    client.getSecretValue(request -> request.secretId(arn)).secretString();
            return List.of(
                    new MapBackedConfigSource(
                            "aws-secrets-manager", SecretsToConfig.properties(setting, reader), ORDINAL) {});
        }
    }
}
