package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventBus;
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

    private final LambdaFedQueue queues;
    private final EventBus bus;

    EventDelivery(Construct scope, String id, List<FunctionSpec> consumers) {
        super(scope, id);
        // Retries set their own wait (ChangeMessageVisibility); the visibility timeout only covers a consumer that
        // died.
        this.queues = LambdaFedQueue.create(
                this, consumers, MAX_RECEIVE_COUNT, queue -> queue.retentionPeriod(Duration.days(4)));
        this.bus = EventBus.Builder.create(this, "Bus")
                .eventBusName(Stack.of(this).getStackName() + "-events")
                .build();
    }

    Queue queue() {
        return queues.queue();
    }

    Queue deadLetters() {
        return queues.deadLetters();
    }

    EventBus bus() {
        return bus;
    }
}
