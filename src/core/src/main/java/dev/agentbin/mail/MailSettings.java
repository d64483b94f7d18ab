package dev.agentbin.mail;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/** How mail leaves this process. */
@ConfigMapping(prefix = "agentbin.mail")
public interface MailSettings {

    /**
     * {@code ses} (Amazon SES, deployed) or {@code log} (local runs: the message is written to the log).
     * Unset, this process sends no mail, and says so instead of pretending it sent anything.
     */
    Optional<Provider> provider();

    default boolean sendsMail() {
        return provider().isPresent();
    }

    /** The sender: an address of an SES-verified identity. */
    Optional<String> from();

    /** An SES endpoint other than AWS's (tests: a local stand-in speaking the SES v2 API). */
    Optional<URI> sesEndpoint();

    enum Provider {
        SES,
        LOG
    }
}
