package dev.agentbin.api.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Token settings. Keys are PEM text: in AWS the private key comes from Secrets Manager (into the login
 * function only), the public keys from deploy parameters; in dev and test, when absent, a key pair is
 * generated at start.
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

    /** During a rotation, the key tokens were signed with before: they keep verifying until it is dropped. */
    Optional<String> previousPublicKey();

    Optional<String> privateKey();
}
