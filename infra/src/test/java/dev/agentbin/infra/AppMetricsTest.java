package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The metric names the alarms and the dashboard read are the ones the application emits: a rename on either
 * side fails here instead of leaving an alarm that watches a metric nobody publishes.
 */
class AppMetricsTest {

    private static final EmittedMetrics EMITTED = EmittedMetrics.read();

    @Test
    void theNamespaceIsTheApplications() {
        assertEquals(EMITTED.namespace(), AppMetrics.NAMESPACE);
    }

    @Test
    void everyMetricNameIsEmitted() {
        for (String name : List.of(
                AppMetrics.AGENT_CALLS,
                AppMetrics.TIME_TO_ANSWER,
                AppMetrics.LEGS_ORIGINATED,
                AppMetrics.LEGS_FAILED,
                AppMetrics.DELIVERIES,
                AppMetrics.DELIVERY_LAG,
                AppMetrics.OUTBOX_OLDEST_AGE,
                AppMetrics.API_ERRORS)) {
            assertTrue(EMITTED.names().contains(name), name + " is not emitted; emitted: " + EMITTED.names());
        }
    }

    @Test
    void everyDimensionAndValueIsEmitted() {
        for (String dimension : List.of(AppMetrics.OUTCOME, AppMetrics.RESULT, AppMetrics.STATUS_CLASS)) {
            assertTrue(
                    EMITTED.dimensions().contains(dimension),
                    dimension + " is not a dimension; emitted: " + EMITTED.dimensions());
        }
        for (String value : List.of(
                AppMetrics.DELIVERED,
                AppMetrics.RETRIED,
                AppMetrics.DEAD_LETTERED,
                AppMetrics.MALFORMED,
                AppMetrics.SERVER_ERRORS)) {
            assertTrue(
                    EMITTED.literalValues().contains(value),
                    value + " is not emitted; emitted: " + EMITTED.literalValues());
        }
    }

    /** A ring's outcome is its agentcall's final status in lower case. */
    @Test
    void everyOutcomeIsAnAgentCallStatus() {
        Set<String> statuses =
                EmittedMetrics.enumValuesLowerCase("core/src/main/java/dev/agentbin/agentcall/AgentCallStatus.java");
        for (String outcome :
                List.of(AppMetrics.ANSWERED, AppMetrics.NO_ANSWER, AppMetrics.CANCELED, AppMetrics.FAILED)) {
            assertTrue(statuses.contains(outcome), outcome + " is not an agentcall status: " + statuses);
        }
    }
}
