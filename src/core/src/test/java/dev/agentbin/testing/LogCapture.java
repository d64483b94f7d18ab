package dev.agentbin.testing;

import dev.agentbin.observe.Metrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log line the app writes while open, metric lines included, with the log context (MDC) each was
 * written with and the thread that wrote it: what a log handler in AWS would have received.
 */
public final class LogCapture implements AutoCloseable {

    /** One line: its logger, level, thread, the message as formatted, any exception's text, and its MDC. */
    public record Line(
            String logger, Level level, String thread, String message, String thrown, Map<String, String> mdc) {

        /** Everything of the line that could reach a log: what a secret must not be in. */
        public String everything() {
            return logger + " " + message + " " + thrown + " " + mdc;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<Logger> attachedTo = List.of(Logger.getLogger(""), Logger.getLogger(Metrics.CATEGORY));
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord ext = (ExtLogRecord) record;
            StringBuilder thrown = new StringBuilder();
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                thrown.append(t).append(" | ");
            }
            lines.add(new Line(
                    record.getLoggerName(),
                    record.getLevel(),
                    ext.getThreadName(),
                    ext.getFormattedMessage(),
                    thrown.toString(),
                    Map.copyOf(ext.getMdcCopy())));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        attachedTo.forEach(logger -> logger.addHandler(handler));
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The Embedded Metric Format lines. */
    public List<String> metricLines() {
        return lines.stream()
                .filter(line -> Metrics.CATEGORY.equals(line.logger()))
                .map(Line::message)
                .toList();
    }

    @Override
    public void close() {
        attachedTo.forEach(logger -> logger.removeHandler(handler));
    }
}
