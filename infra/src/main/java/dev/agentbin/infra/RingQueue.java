package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/** ring-requests: the queue that feeds ring-all dispatch, with a dead-letter queue for poison messages. */
final class RingQueue extends Construct {

    static final String NAME = "ring-requests";
    static final int MAX_RECEIVE_COUNT = 5;

    private final LambdaFedQueue queues;

    RingQueue(Construct scope, String id, List<FunctionSpec> consumers) {
        super(scope, id);
        this.queues = LambdaFedQueue.create(this, consumers, MAX_RECEIVE_COUNT, queue -> {});
    }

    Queue queue() {
        return queues.queue();
    }

    Queue deadLetters() {
        return queues.deadLetters();
    }
}
