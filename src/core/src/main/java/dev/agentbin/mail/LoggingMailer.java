package dev.agentbin.mail;

import org.jboss.logging.Logger;

/**
 * The local run's mail: nothing is delivered, the whole message is written to the log at INFO, where
 * whoever runs the service reads it (a reset link included). Never configured in AWS.
 */
final class LoggingMailer implements Mailer {

    private static final Logger LOG = Logger.getLogger(LoggingMailer.class);

    @Override
    public void send(Mail mail) {
        LOG.infof("mail (local run, not delivered) to %s, subject \"%s\":%n%s", mail.to(), mail.subject(), mail.text());
    }
}
