package dev.agentbin.observe;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Metrics as CloudWatch Embedded Metric Format lines (docs/operations.md, "Metrics"): CloudWatch Logs
 * turns each line into a data point of namespace {@value #NAMESPACE}, so no SDK client and no call is
 * needed. The lines go to their own logger, {@value #CATEGORY}, and from there to standard output bare,
 * by a handler of this class: Quarkus gives every handler it configures the JSON formatter of the log lines,
 * and a metric wrapped in a log line is no metric to CloudWatch.
 *
 * <p>Dimensions are bounded values only (outcome, provider, route...), never an id: each combination is
 * a metric of its own. A metric is published at every prefix of its dimensions, so the total and each
 * breakdown exist without metric math. The ids of the log context ride along as properties, searchable
 * in Logs Insights.
 */
public final class Metrics {

    public static final String NAMESPACE = "agentbin";
    public static final String CATEGORY = "agentbin.metrics";

    private static final Logger LINES = Logger.getLogger(CATEGORY);
    private static final Handler BARE =
            new ConsoleHandler(ConsoleHandler.Target.SYSTEM_OUT, new PatternFormatter("%s%n"));
    private static volatile boolean withheld;

    private final String name;
    private final double value;
    private final String unit;
    private final Map<String, String> dimensions = new LinkedHashMap<>();

    private Metrics(String name, double value, String unit) {
        this.name = name;
        this.value = value;
        this.unit = unit;
    }

    /** One occurrence of {@code name}. */
    public static Metrics count(String name) {
        return new Metrics(name, 1, "Count");
    }

    public static Metrics milliseconds(String name, long value) {
        return new Metrics(name, value, "Milliseconds");
    }

    public static Metrics seconds(String name, long value) {
        return new Metrics(name, value, "Seconds");
    }

    /** A breakdown of the metric; the order of the calls is the order of the prefixes published. */
    public Metrics by(String dimension, String value) {
        dimensions.put(dimension, value == null || value.isBlank() ? "none" : value);
        return this;
    }

    /**
     * SnapStart priming (snapstart/SnapStartPriming) runs requests that change nothing and happen to nobody,
     * before any real one: they are not counted (the HTTP functions' would be 401s on every route primed).
     */
    public static void withheldDuring(Runnable work) {
        withheld = true;
        try {
            work.run();
        } finally {
            withheld = false;
        }
    }

    public void emit() {
        if (withheld) {
            return;
        }
        if (!Arrays.asList(LINES.getHandlers()).contains(BARE)) {
            // Checked on each line: a restart of the logging setup (dev mode, tests) drops handlers it did not make.
            LINES.setUseParentHandlers(false);
            LINES.addHandler(BARE);
        }
        LINES.info(line(System.currentTimeMillis()));
    }

    String line(long timestamp) {
        List<String> keys = new ArrayList<>(dimensions.keySet());
        StringBuilder sets = new StringBuilder("[");
        for (int size = 0; size <= keys.size(); size++) {
            sets.append(size == 0 ? "[" : ",[");
            for (int i = 0; i < size; i++) {
                sets.append(i == 0 ? "" : ",").append(quote(keys.get(i)));
            }
            sets.append(']');
        }
        sets.append(']');
        StringBuilder line = new StringBuilder("{\"_aws\":{\"Timestamp\":")
                .append(timestamp)
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":")
                .append(quote(NAMESPACE))
                .append(",\"Dimensions\":")
                .append(sets)
                .append(",\"Metrics\":[{\"Name\":")
                .append(quote(name))
                .append(",\"Unit\":")
                .append(quote(unit))
                .append("}]}]}");
        dimensions.forEach((key, dimension) ->
                line.append(',').append(quote(key)).append(':').append(quote(dimension)));
        line.append(',')
                .append(quote(name))
                .append(':')
                .append(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
        MDC.getMap()
                .forEach((key, id) ->
                        line.append(',').append(quote(key)).append(':').append(quote(String.valueOf(id))));
        return line.append('}').toString();
    }

    private static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
