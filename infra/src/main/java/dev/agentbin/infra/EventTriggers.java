package dev.agentbin.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.triggers.Trigger;
import software.constructs.Construct;

/** Connects each events function to what its catalog trigger names: a queue (by name), a schedule, or the deploy. */
final class EventTriggers extends Construct {

    private static final int SQS_BATCH_SIZE = 10;
    private static final int MIN_POLLER_CONCURRENCY = 2;

    EventTriggers(
            Construct scope,
            String id,
            List<DeployedFunction> eventFunctions,
            Map<String, IQueue> queues,
            Construct migrateAfter) {
        super(scope, id);
        for (DeployedFunction function : eventFunctions) {
            FunctionSpec.Trigger trigger = function.spec().trigger();
            if (trigger.sqs() != null) {
                fromQueue(function, trigger.sqs(), queues);
            } else if (trigger.schedule() != null) {
                onSchedule(function, trigger.schedule());
            } else {
                atDeploy(function, migrateAfter);
            }
        }
    }

    private static void fromQueue(DeployedFunction function, String queueName, Map<String, IQueue> queues) {
        IQueue queue = queues.get(queueName);
        if (queue == null) {
            throw new IllegalArgumentException("function '" + function.spec().name() + "': unknown queue '" + queueName
                    + "', the queues are " + new TreeSet<>(queues.keySet()));
        }
        // Partial batch failures: one bad message is retried alone instead of with its whole batch.
        SqsEventSource.Builder source =
                SqsEventSource.Builder.create(queue).batchSize(SQS_BATCH_SIZE).reportBatchItemFailures(true);
        Integer reserved = function.spec().reservedConcurrency();
        if (reserved != null) {
            // Polling beyond the reservation gets throttled invocations, and each counts as a receive towards
            // the dead-letter queue: poll no faster than the function may run (the minimum is 2).
            source.maxConcurrency(Math.max(MIN_POLLER_CONCURRENCY, reserved));
        }
        function.entryPoint().addEventSource(source.build());
    }

    private void onSchedule(DeployedFunction function, String expression) {
        Rule.Builder.create(this, function.spec().name() + "-schedule")
                .schedule(Schedule.expression(expression))
                // The next tick does the same work, so a failed tick is not retried.
                .targets(List.of(LambdaFunction.Builder.create(function.entryPoint())
                        .retryAttempts(0)
                        .maxEventAge(Duration.minutes(1))
                        .build()))
                .build();
    }

    /** Runs once the database exists, and again whenever the function's code or configuration changes. */
    private void atDeploy(DeployedFunction function, Construct migrateAfter) {
        Trigger.Builder.create(this, function.spec().name() + "-on-deploy")
                .handler(function.function())
                .executeAfter(List.of(migrateAfter))
                .timeout(Duration.seconds(function.spec().timeout()))
                .build();
    }
}
