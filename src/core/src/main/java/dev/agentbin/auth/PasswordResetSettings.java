package dev.agentbin.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Password forgot and reset: the link, how long it lives, how often it may be asked for. */
@ConfigMapping(prefix = "agentbin.password-reset")
public interface PasswordResetSettings {

    /**
     * Where the link points: {@code <base-url>/auth/password-reset?token=...}. Configured, never taken from
     * the request's Host header, which a client could set to its own site and so receive the token.
     */
    Optional<URI> baseUrl();

    /** How long a link stays valid. */
    @WithDefault("1H")
    Duration lifetime();

    /**
     * The least time a forgot request takes, known username or not, so the time of the answer does not
     * tell whether a mail was sent; above what sending one takes.
     */
    @WithDefault("1S")
    Duration forgotDuration();

    /** Forgot requests per username (known or not): bounds the mail one inbox gets. */
    @WithDefault("3")
    int usernameRequests();

    @WithDefault("15M")
    Duration usernameWindow();

    /** Forgot requests per source address: bounds one client asking for many accounts. */
    @WithDefault("20")
    int sourceRequests();

    @WithDefault("15M")
    Duration sourceWindow();
}
