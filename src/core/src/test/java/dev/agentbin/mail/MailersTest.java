package dev.agentbin.mail;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The log mailer writes reset links to the log: the local run's, never a deployed function's. */
class MailersTest {

    private static final MailSettings LOG = new MailSettings() {
        @Override
        public Optional<Provider> provider() {
            return Optional.of(Provider.LOG);
        }

        @Override
        public Optional<String> from() {
            return Optional.empty();
        }

        @Override
        public Optional<URI> sesEndpoint() {
            return Optional.empty();
        }
    };

    @Test
    void theLogMailerServesTheLocalRun() {
        assertInstanceOf(LoggingMailer.class, new Mailers(LOG).mailer(null));
    }

    @Test
    void onLambdaTheLogMailerIsRefused() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> new Mailers(LOG).mailer("auth-password-reset"));
        assertTrue(refused.getMessage().contains("agentbin.mail.provider=log"), refused.getMessage());
    }
}
