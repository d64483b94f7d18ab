package dev.agentbin.mail;

/** Sends mail: Amazon SES in AWS ({@link SesMailer}), the log in local runs ({@link LoggingMailer}). */
public interface Mailer {

    /** Hands the message over for delivery; fails (throws) when the mail service refused it. */
    void send(Mail mail);
}
