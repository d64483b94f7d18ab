package dev.agentbin.local.browser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** What the local run's mailer writes to the log, read as the README tells a person to read it. */
final class MailLog extends Handler implements AutoCloseable {

    private static final String LOGGER = "dev.agentbin.mail.LoggingMailer";

    private final List<String> messages = new CopyOnWriteArrayList<>();

    static MailLog attach() {
        MailLog log = new MailLog();
        Logger.getLogger(LOGGER).addHandler(log);
        return log;
    }

    List<String> messages() {
        return messages;
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger(LOGGER).removeHandler(this);
    }
}
