package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Where events go after the outbox: event-deliveries (one message per event for a customer's webhook,
 * consumed by webhook-delivery, dead-lettered after the last try) and the stack's EventBridge bus (every
 * event, for AWS users who route with rules instead of running a receiver).
 */
final class EventDelivery extends Construct {

    static final String NAME = "event-deliveries";
    /**
     * Tries before the dead-letter queue. webhook-delivery waits 10 s, 20 s, 40 s ... (at most 1 h) between
     * them, so an event is tried for about two and a half hours.
     */
    static final int MAX_RECEIVE_COUNT = 10;
    private static final int TIMEOUT_WITHOUT_CONSUMER = 30;

    private final Queue queue;
    private final Queue deadLetters;
    private final EventBus bus;

    EventDelivery(Construct scope, String id, List<FunctionSpec> consumers) {
        super(scope, id);
        int longestTimeout = consumers.stream()
                .mapToInt(FunctionSpec::timeout).max().orElse(TIMEOUT_WITHOUT_CONSUMER);
        this.deadLetters = Queue.Builder.create(this, "DeadLetters")
                .retentionPeriod(Duration.days(14))
                .build();
        this.queue = Queue.Builder.create(this, "Queue")
                // Retries set their own wait (ChangeMessageVisibility); this only covers a consumer that died.
                .visibilityTimeout(Duration.seconds(RingQueue.VISIBILITY_PER_TIMEOUT * longestTimeout))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVE_COUNT).build())
                .build();
        this.bus = EventBus.Builder.create(this, "Bus")
                .eventBusName(Stack.of(this).getStackName() + "-events")
                .build();
    }

    Queue queue() {
        return queue;
    }

    Queue deadLetters() {
        return deadLetters;
    }

    EventBus bus() {
        return bus;
    }
}
