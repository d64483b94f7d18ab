package dev.agentbin.infra;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The application's own metrics that the alarms and the dashboard read: the one place on the infra side that
 * names them. The application emits them as CloudWatch Embedded Metric Format log lines through
 * {@code dev.agentbin.observe.Metrics} (src/core), with calls such as {@code Metrics.count("LegsFailed")} in
 * src/core, src/api and src/events; docs/operations.md ("Metrics") lists them all. Each is published at every
 * prefix of its dimensions, so the dimensionless total always exists. AppMetricsTest reads that source and
 * fails when a name here is no longer emitted, so a rename on either side breaks the build.
 */
final class AppMetrics {

    static final String NAMESPACE = "agentbin";

    /** A ring that ended, by {@link #OUTCOME} (the agentcall's final status) and end reason. */
    static final String AGENT_CALLS = "AgentCalls";

    static final String OUTCOME = "Outcome";
    static final String ANSWERED = "answered";
    static final String NO_ANSWER = "no_answer";
    static final String CANCELED = "canceled";
    static final String FAILED = "failed";
    /** Milliseconds from the ring's creation to the winning answer. */
    static final String TIME_TO_ANSWER = "TimeToAnswer";
    /** A leg the provider accepted (successes only). */
    static final String LEGS_ORIGINATED = "LegsOriginated";
    /** A leg the provider refused or could not be reached for, by provider and error class. */
    static final String LEGS_FAILED = "LegsFailed";
    /** A webhook delivery attempt, by {@link #RESULT}. */
    static final String DELIVERIES = "Deliveries";

    static final String RESULT = "Result";
    static final String DELIVERED = "2xx";
    static final String RETRIED = "retried";
    static final String DEAD_LETTERED = "dead_lettered";
    static final String MALFORMED = "malformed";
    /** Milliseconds from an event's commit to its webhook's 2xx. */
    static final String DELIVERY_LAG = "DeliveryLag";
    /** Seconds the oldest event not yet relayed has waited in the outbox; emitted only while one waits. */
    static final String OUTBOX_OLDEST_AGE = "OutboxOldestAge";
    /** An API response of 4xx or 5xx, by status class and route (the 5xx the app itself answered). */
    static final String API_ERRORS = "ApiErrors";

    static final String STATUS_CLASS = "StatusClass";
    static final String SERVER_ERRORS = "5xx";

    private AppMetrics() {}

    /** The total across every dimension value. */
    static Metric total(String name, String statistic, Duration period) {
        return Metric.Builder.create()
                .namespace(NAMESPACE)
                .metricName(name)
                .statistic(statistic)
                .period(period)
                .build();
    }

    /** The metric for one value of its first dimension. */
    static Metric by(String name, String dimension, String value, String statistic, Duration period) {
        return Metric.Builder.create()
                .namespace(NAMESPACE)
                .metricName(name)
                .dimensionsMap(Map.of(dimension, value))
                .statistic(statistic)
                .period(period)
                .build();
    }
}
