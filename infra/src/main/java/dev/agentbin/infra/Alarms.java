package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.Stats;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * Alarms that need a person: any message in a dead-letter queue, any function error, webhook deliveries
 * failing for an hour.
 */
final class Alarms extends Construct {

    /** An event waiting this long for delivery has failed several tries in a row: its receiver is likely down. */
    static final int DELIVERY_BACKLOG_SECONDS = 3600;

    Alarms(Construct scope, String id, List<DeployedFunction> functions, RingQueue ringQueue, EventDelivery events) {
        super(scope, id);
        anyAbove0("ring-dead-letters", "ring requests failed " + RingQueue.MAX_RECEIVE_COUNT + " times",
                ringQueue.deadLetters().metricApproximateNumberOfMessagesVisible(options(Stats.MAXIMUM, 1)));
        anyAbove0("event-dead-letters", "webhook deliveries failed " + EventDelivery.MAX_RECEIVE_COUNT
                        + " times and were given up",
                events.deadLetters().metricApproximateNumberOfMessagesVisible(options(Stats.MAXIMUM, 1)));
        Alarm.Builder.create(this, "event-delivery-backlog")
                .alarmDescription("an event has waited over an hour for delivery to its webhook")
                .metric(events.queue().metricApproximateAgeOfOldestMessage(options(Stats.MAXIMUM, 5)))
                .threshold(DELIVERY_BACKLOG_SECONDS)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        for (DeployedFunction function : functions) {
            String name = function.spec().name();
            anyAbove0(name + "-errors", name + " returned errors",
                    function.function().metricErrors(options(Stats.SUM, 5)));
        }
    }

    private void anyAbove0(String id, String description, Metric metric) {
        Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private static MetricOptions options(String statistic, int minutes) {
        return MetricOptions.builder().statistic(statistic).period(Duration.minutes(minutes)).build();
    }
}
