package dev.agentbin.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.Stats;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Alarms that need a person, each notifying the alarm topic when it fires and when it clears. What each
 * means and what to do: docs/operations.md, under the alarm's id. Platform alarms only: one customer's
 * unreachable webhook is that customer's problem (its failures are the per-customer metric
 * CustomerDeliveryFailures, and its given-up events the event dead-letter queue, on the dashboard).
 * Missing data never breaches: most metrics here exist only while something happens.
 */
final class Alarms extends Construct {

    /**
     * An event waiting this long for delivery means the delivery function is not keeping up. One customer's
     * failing webhook does not count: SQS leaves a message received three times or more out of the age.
     */
    static final int DELIVERY_BACKLOG_SECONDS = 3600;
    /** Percent of the API's responses that are 5xx, over 5 minutes with at least MIN_REQUESTS requests. */
    static final int API_5XX_PERCENT = 5;

    static final int MIN_REQUESTS = 20;
    /**
     * p99 latency at the API, three 5-minute periods in a row: one slow period is usually Aurora resuming
     * from a pause (15-30 s), which this deployment accepts.
     */
    static final int API_P99_LATENCY_MS = 5000;
    /** A function's p99 duration above this share of its catalog timeout is close to timing out. */
    static final int DURATION_PERCENT_OF_TIMEOUT = 80;
    /**
     * Percent of originations failing over 5 minutes, once at least MIN_LEGS were tried: a wrong provider
     * credential fails every leg, one agent's wrong number only its own.
     */
    static final int ORIGINATION_FAILURE_PERCENT = 50;

    static final int MIN_LEGS = 3;
    /** Percent of ended rings nobody answered, over 15 minutes with at least MIN_RINGS answered or not. */
    static final int NO_ANSWER_PERCENT = 60;

    static final int MIN_RINGS = 10;
    /**
     * Connections to Aurora: each warm function instance holds at most 2 (the pool's size), so this is about
     * 300 instances at once. A 1,000-agent call center's peak hour keeps 100 to 200 connections open
     * (docs/capacity.md); Aurora allows 2,000 at the stack's maximum of 16 ACU.
     */
    static final int DATABASE_CONNECTIONS = 600;
    /** The relay runs every minute; an event older than this in the outbox is not being relayed. */
    static final int OUTBOX_AGE_SECONDS = 300;

    private static final Duration FIVE_MINUTES = Duration.minutes(5);
    private static final Duration FIFTEEN_MINUTES = Duration.minutes(15);

    private final List<Alarm> alarms = new ArrayList<>();

    Alarms(
            Construct scope,
            String id,
            ITopic topic,
            List<DeployedFunction> functions,
            RingQueue ringQueue,
            EventDelivery events,
            IHttpApi api,
            Database database) {
        super(scope, id);
        anyAbove0(
                "ring-dead-letters",
                "ring requests failed " + RingQueue.MAX_RECEIVE_COUNT + " times",
                ringQueue.deadLetters().metricApproximateNumberOfMessagesVisible(options(Stats.MAXIMUM, 1)));
        anyAbove0(
                "event-deliveries-malformed",
                "a delivery message names no event or customer (a bug of ours): "
                        + "it can never be delivered and goes to the event dead-letter queue",
                AppMetrics.by(AppMetrics.DELIVERIES, AppMetrics.RESULT, AppMetrics.MALFORMED, Stats.SUM, FIVE_MINUTES));
        above(
                "event-delivery-backlog",
                "an event has waited over an hour for delivery to its webhook",
                events.queue().metricApproximateAgeOfOldestMessage(options(Stats.MAXIMUM, 5)),
                DELIVERY_BACKLOG_SECONDS,
                1);
        for (DeployedFunction function : functions) {
            String name = function.spec().name();
            above(
                    name + "-errors",
                    "function-errors",
                    name + " returned errors",
                    function.function().metricErrors(options(Stats.SUM, 5)),
                    0,
                    1);
            above(
                    name + "-throttles",
                    "function-throttles",
                    name + " was throttled (concurrency limit reached)",
                    function.function().metricThrottles(options(Stats.SUM, 5)),
                    0,
                    1);
            int nearTimeoutMs = function.spec().timeout() * 10 * DURATION_PERCENT_OF_TIMEOUT;
            alarm(
                    name + "-duration",
                    "function-duration",
                    name + "'s p99 duration is over "
                            + DURATION_PERCENT_OF_TIMEOUT + "% of its "
                            + function.spec().timeout()
                            + " s timeout in 2 of 3 5-minute periods",
                    function.function().metricDuration(options(Stats.p(99), 5)),
                    nearTimeoutMs,
                    3,
                    2,
                    ComparisonOperator.GREATER_THAN_THRESHOLD);
        }
        above(
                "api-5xx-rate",
                "over " + API_5XX_PERCENT + "% of API responses are 5xx (5 minutes, at least " + MIN_REQUESTS
                        + " requests)",
                share(
                        "errors",
                        api.metricServerError(options(Stats.SUM, 5)),
                        "requests",
                        api.metricCount(options(Stats.SUM, 5)),
                        MIN_REQUESTS,
                        "API 5xx %",
                        FIVE_MINUTES),
                API_5XX_PERCENT,
                1);
        above(
                "api-latency-p99",
                "the API's p99 latency is over " + API_P99_LATENCY_MS + " ms for 15 minutes",
                api.metricLatency(options(Stats.p(99), 5)),
                API_P99_LATENCY_MS,
                3);
        above(
                "originations-failing",
                "over " + ORIGINATION_FAILURE_PERCENT + "% of legs failed to originate " + "(5 minutes, at least "
                        + MIN_LEGS + " tried): a wrong provider credential, or the provider down",
                originationFailurePercent(FIVE_MINUTES),
                ORIGINATION_FAILURE_PERCENT,
                1);
        above(
                "no-answer-jump",
                "over " + NO_ANSWER_PERCENT + "% of rings ended unanswered (15 minutes, at least " + MIN_RINGS
                        + " rings)",
                noAnswerPercent(),
                NO_ANSWER_PERCENT,
                1);
        alarm(
                "database-at-max-capacity",
                "database-at-max-capacity",
                "Aurora has run at its maximum of " + Database.MAX_CAPACITY_ACU + " ACU for 15 minutes",
                database.cluster().metric("ServerlessDatabaseCapacity", options(Stats.MAXIMUM, 5)),
                Database.MAX_CAPACITY_ACU,
                3,
                3,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        above(
                "database-connections",
                "over " + DATABASE_CONNECTIONS + " connections to Aurora for 10 minutes",
                database.cluster().metricDatabaseConnections(options(Stats.MAXIMUM, 5)),
                DATABASE_CONNECTIONS,
                2);
        above(
                "outbox-age",
                "an event has waited over " + OUTBOX_AGE_SECONDS + " s in the outbox: the relay is stuck",
                AppMetrics.total(AppMetrics.OUTBOX_OLDEST_AGE, Stats.MAXIMUM, FIVE_MINUTES),
                OUTBOX_AGE_SECONDS,
                1);

        SnsAction notify = new SnsAction(topic);
        alarms.forEach(alarm -> {
            alarm.addAlarmAction(notify);
            alarm.addOkAction(notify);
        });
    }

    /**
     * Failed originations as a percent of all tried (LegsOriginated counts the accepted ones only), on the
     * dimensionless totals, so every provider and error class counts.
     */
    static MathExpression originationFailurePercent(Duration period) {
        return share(
                "failed",
                AppMetrics.total(AppMetrics.LEGS_FAILED, Stats.SUM, period),
                "originated",
                AppMetrics.total(AppMetrics.LEGS_ORIGINATED, Stats.SUM, period),
                MIN_LEGS,
                "failed originations %",
                period);
    }

    /** Rings that ended no_answer as a percent of those answered or not (cancellations and failures aside). */
    private static MathExpression noAnswerPercent() {
        return share(
                "unanswered",
                ringsEnded(AppMetrics.NO_ANSWER),
                "answered",
                ringsEnded(AppMetrics.ANSWERED),
                MIN_RINGS,
                "no_answer %",
                FIFTEEN_MINUTES);
    }

    private static IMetric ringsEnded(String outcome) {
        return AppMetrics.by(AppMetrics.AGENT_CALLS, AppMetrics.OUTCOME, outcome, Stats.SUM, FIFTEEN_MINUTES);
    }

    /**
     * part as a percent of part + rest, or 0 below minimum (too few to judge). A metric with no data point
     * counts as 0, so failures alone (nothing succeeding) still give 100%.
     */
    private static MathExpression share(
            String partId, IMetric part, String restId, IMetric rest, int minimum, String label, Duration period) {
        String whole = "(FILL(" + partId + ", 0) + FILL(" + restId + ", 0))";
        return MathExpression.Builder.create()
                .expression("IF(" + whole + " >= " + minimum + ", 100 * FILL(" + partId + ", 0) / " + whole + ", 0)")
                .usingMetrics(Map.of(partId, part, restId, rest))
                .label(label)
                .period(period)
                .build();
    }

    private void anyAbove0(String id, String description, IMetric metric) {
        above(id, id, description, metric, 0, 1);
    }

    private void above(String id, String description, IMetric metric, Number threshold, int periods) {
        above(id, id, description, metric, threshold, periods);
    }

    private void above(
            String id, String runbookSection, String description, IMetric metric, Number threshold, int periods) {
        alarm(
                id,
                runbookSection,
                description,
                metric,
                threshold,
                periods,
                periods,
                ComparisonOperator.GREATER_THAN_THRESHOLD);
    }

    /** Named after the stack and id, so that a page says which alarm it is; the runbook has a section for each. */
    private void alarm(
            String id,
            String runbookSection,
            String description,
            IMetric metric,
            Number threshold,
            int periods,
            int breaching,
            ComparisonOperator comparison) {
        alarms.add(Alarm.Builder.create(this, id)
                .alarmName(Stack.of(this).getStackName() + "-" + id)
                .alarmDescription(description + " (runbook: docs/operations.md#" + runbookSection + ")")
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(periods)
                .datapointsToAlarm(breaching)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
    }

    private static MetricOptions options(String statistic, int minutes) {
        return MetricOptions.builder()
                .statistic(statistic)
                .period(Duration.minutes(minutes))
                .build();
    }
}
