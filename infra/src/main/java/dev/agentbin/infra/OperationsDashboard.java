package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.LogQueryVisualizationType;
import software.amazon.awscdk.services.cloudwatch.LogQueryWidget;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.Stats;
import software.constructs.Construct;

/**
 * The on-call engineer's first screen, named after the stack: rings and their outcomes, originations, the API,
 * webhook deliveries, the database and cold starts. docs/operations.md says what to read in it.
 */
final class OperationsDashboard extends Construct {

    /**
     * Cold starts from the platform's REPORT lines (text, whatever the application's own log format): Init
     * Duration on a fresh start, Restore Duration on a SnapStart restore.
     */
    static final List<String> COLD_START_QUERY = List.of(
            "filter @message like /^REPORT/",
            "| parse @message /Init Duration: (?<initMs>[0-9.]+) ms/",
            "| parse @message /Restore Duration: (?<restoreMs>[0-9.]+) ms/",
            "| filter ispresent(initMs) or ispresent(restoreMs)",
            "| stats count(initMs) as inits, avg(initMs) as avgInitMs, max(initMs) as maxInitMs,"
                    + " count(restoreMs) as restores, avg(restoreMs) as avgRestoreMs, max(restoreMs) as maxRestoreMs by @log",
            "| sort inits desc");

    private static final Duration MINUTE = Duration.minutes(1);
    private static final Duration FIVE_MINUTES = Duration.minutes(5);

    OperationsDashboard(
            Construct scope,
            String id,
            List<DeployedFunction> functions,
            RingQueue ringQueue,
            EventDelivery events,
            IHttpApi api,
            Database database) {
        super(scope, id);
        List<IWidget> rings = List.of(
                graph(
                        "Rings per minute by outcome",
                        List.of(
                                outcome(AppMetrics.ANSWERED), outcome(AppMetrics.NO_ANSWER),
                                outcome(AppMetrics.CANCELED), outcome(AppMetrics.FAILED)),
                        List.of()),
                graph(
                        "Time to answer (ms)",
                        List.of(
                                AppMetrics.total(AppMetrics.TIME_TO_ANSWER, Stats.p(50), FIVE_MINUTES)
                                        .with(label("p50")),
                                AppMetrics.total(AppMetrics.TIME_TO_ANSWER, Stats.p(90), FIVE_MINUTES)
                                        .with(label("p90"))),
                        List.of()),
                graph(
                        "Originations",
                        List.of(
                                AppMetrics.total(AppMetrics.LEGS_ORIGINATED, Stats.SUM, FIVE_MINUTES)
                                        .with(label("originated")),
                                AppMetrics.total(AppMetrics.LEGS_FAILED, Stats.SUM, FIVE_MINUTES)
                                        .with(label("failed"))),
                        List.of(Alarms.originationFailurePercent(FIVE_MINUTES))));
        List<IWidget> apiRow = List.of(
                graph(
                        "API requests and errors",
                        List.of(
                                api.metricCount(options(Stats.SUM, "requests")),
                                api.metricClientError(options(Stats.SUM, "4xx")),
                                api.metricServerError(options(Stats.SUM, "5xx"))),
                        List.of()),
                graph(
                        "API latency (ms)",
                        List.of(
                                api.metricLatency(options(Stats.p(50), "p50")),
                                api.metricLatency(options(Stats.p(99), "p99"))),
                        List.of()),
                graph(
                        "Webhook deliveries, dead letters",
                        List.of(
                                delivery(AppMetrics.DELIVERED), delivery(AppMetrics.RETRIED),
                                delivery(AppMetrics.DEAD_LETTERED), delivery(AppMetrics.MALFORMED)),
                        List.of(
                                events.deadLetters()
                                        .metricApproximateNumberOfMessagesVisible(options(Stats.MAXIMUM, "event DLQ")),
                                ringQueue
                                        .deadLetters()
                                        .metricApproximateNumberOfMessagesVisible(
                                                options(Stats.MAXIMUM, "ring DLQ")))));
        List<IWidget> backendRow = List.of(
                graph(
                        "Delivery lag and outbox age",
                        List.of(AppMetrics.total(AppMetrics.DELIVERY_LAG, Stats.p(90), FIVE_MINUTES)
                                .with(label("delivery lag p90 (ms)"))),
                        List.of(AppMetrics.total(AppMetrics.OUTBOX_OLDEST_AGE, Stats.MAXIMUM, MINUTE)
                                .with(label("outbox oldest (s)")))),
                graph(
                        "Aurora",
                        List.of(database.cluster().metric("ServerlessDatabaseCapacity", options(Stats.MAXIMUM, "ACU"))),
                        List.of(database.cluster().metricDatabaseConnections(options(Stats.MAXIMUM, "connections")))),
                graph(
                        "App-answered 5xx (by the functions)",
                        List.of(AppMetrics.by(
                                        AppMetrics.API_ERRORS,
                                        AppMetrics.STATUS_CLASS,
                                        AppMetrics.SERVER_ERRORS,
                                        Stats.SUM,
                                        MINUTE)
                                .with(label("5xx answered"))),
                        List.of()));
        IWidget coldStarts = LogQueryWidget.Builder.create()
                .title("Cold starts (REPORT lines: Init Duration, SnapStart Restore Duration)")
                .logGroupNames(functions.stream()
                        .map(f -> f.function().getLogGroup().getLogGroupName())
                        .toList())
                .queryLines(COLD_START_QUERY)
                .view(LogQueryVisualizationType.TABLE)
                .width(24)
                .height(8)
                .build();
        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(Stack.of(this).getStackName())
                .widgets(List.of(rings, apiRow, backendRow, List.of(coldStarts)))
                .build();
    }

    private static IMetric outcome(String outcome) {
        return AppMetrics.by(AppMetrics.AGENT_CALLS, AppMetrics.OUTCOME, outcome, Stats.SUM, MINUTE)
                .with(label(outcome));
    }

    private static IMetric delivery(String result) {
        return AppMetrics.by(AppMetrics.DELIVERIES, AppMetrics.RESULT, result, Stats.SUM, FIVE_MINUTES)
                .with(label(result));
    }

    private static GraphWidget graph(String title, List<? extends IMetric> left, List<? extends IMetric> right) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.copyOf(left))
                .right(List.copyOf(right))
                .width(8)
                .height(6)
                .build();
    }

    private static MetricOptions label(String label) {
        return MetricOptions.builder().label(label).build();
    }

    private static MetricOptions options(String statistic, String label) {
        return MetricOptions.builder()
                .statistic(statistic)
                .label(label)
                .period(MINUTE)
                .build();
    }
}
