package dev.agentbin.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aLineIsEmbeddedMetricFormatPublishedAtEveryPrefixOfItsDimensionsWithTheIdsAsProperties() {
        UUID call = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
        LogContext.agentCall(null, null, call);
        String line = Metrics.count("AgentCalls")
                .by("Outcome", "no_answer")
                .by("EndReason", "ring \"timeout\"")
                .line(1700000000000L);
        assertEquals(
                "{\"_aws\":{\"Timestamp\":1700000000000,\"CloudWatchMetrics\":[{\"Namespace\":\"agentbin\","
                        + "\"Dimensions\":[[],[\"Outcome\"],[\"Outcome\",\"EndReason\"]],"
                        + "\"Metrics\":[{\"Name\":\"AgentCalls\",\"Unit\":\"Count\"}]}]},"
                        + "\"Outcome\":\"no_answer\",\"EndReason\":\"ring \\\"timeout\\\"\",\"AgentCalls\":1,"
                        + "\"agentcall_id\":\"00000000-0000-4000-8000-0000000000aa\"}",
                line);
    }

    /** Quarkus gives the handlers it configures the JSON formatter in AWS: a metric wrapped in a log line is no metric. */
    @Test
    void linesLeaveByAHandlerOfTheirOwnThatWritesThemBare() {
        Metrics.count("Probe").emit();
        Logger lines = Logger.getLogger(Metrics.CATEGORY);
        assertFalse(lines.getUseParentHandlers(), "never through the application's log handlers");
        assertEquals(1, lines.getHandlers().length);
        Handler bare = lines.getHandlers()[0];
        assertEquals(
                "{\"_aws\":{}}" + System.lineSeparator(),
                bare.getFormatter().format(new LogRecord(Level.INFO, "{\"_aws\":{}}")));
    }

    @Test
    void primingIsNotCounted() {
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler probe = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger lines = Logger.getLogger(Metrics.CATEGORY);
        lines.addHandler(probe);
        try {
            Metrics.withheldDuring(() -> Metrics.count("Primed").emit());
            Metrics.count("Served").emit();
        } finally {
            lines.removeHandler(probe);
        }
        assertEquals(1, seen.size(), seen.toString());
        assertTrue(seen.get(0).contains("\"Served\":1"), seen.get(0));
    }

    @Test
    void aMissingDimensionValueIsNamedNotLeftOut() {
        assertEquals(
                "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"agentbin\",\"Dimensions\":[[],[\"Route\"]],"
                        + "\"Metrics\":[{\"Name\":\"TimeToAnswer\",\"Unit\":\"Milliseconds\"}]}]},\"Route\":\"none\",\"TimeToAnswer\":1250}",
                Metrics.milliseconds("TimeToAnswer", 1250).by("Route", null).line(1));
    }

    @Test
    void carriedTasksRunWithTheIdsOfTheirSenderAndLeaveTheThreadAsTheyFoundIt() throws Exception {
        LogContext.request("req-1");
        LogContext.leg(UUID.fromString("00000000-0000-4000-8000-0000000000bb"));
        String[] seen = new String[3];
        Runnable task = LogContext.carried(() -> {
            seen[0] = (String) MDC.get(LogContext.REQUEST_ID);
            seen[1] = (String) MDC.get(LogContext.LEG_ID);
        });
        Thread worker = new Thread(() -> {
            MDC.clear();
            MDC.put("left-over", "x");
            task.run();
            seen[2] = MDC.getMap().toString();
        });
        worker.start();
        worker.join();
        assertEquals("req-1", seen[0]);
        assertEquals("00000000-0000-4000-8000-0000000000bb", seen[1]);
        assertEquals("{left-over=x}", seen[2]);
    }
}
