package dev.agentbin.api.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Token settings. Keys are PEM text: in AWS they come from Secrets Manager (the private key only into
 * the login function); in dev and test, when absent, a key pair is generated at start.
 */
@ConfigMapping(prefix = "agentbin.jwt")
public interface JwtSettings {

    @WithDefault("agentbin")
    String issuer();

    @WithDefault("agentbin-api")
    String audience();

    @WithDefault("P7D")
    Duration lifetime();

    Optional<String> publicKey();

    Optional<String> privateKey();
}
