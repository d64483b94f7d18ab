package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/** ring-requests: the queue that feeds ring-all dispatch, with a dead-letter queue for poison messages. */
final class RingQueue extends Construct {

    static final String NAME = "ring-requests";
    static final int MAX_RECEIVE_COUNT = 5;
    /** AWS's advice for Lambda consumers: six times the function timeout, so retries don't overlap. */
    static final int VISIBILITY_PER_TIMEOUT = 6;
    private static final int TIMEOUT_WITHOUT_CONSUMER = 30;

    private final Queue queue;
    private final Queue deadLetters;

    RingQueue(Construct scope, String id, List<FunctionSpec> consumers) {
        super(scope, id);
        int longestTimeout = consumers.stream()
                .mapToInt(FunctionSpec::timeout).max().orElse(TIMEOUT_WITHOUT_CONSUMER);
        this.deadLetters = Queue.Builder.create(this, "DeadLetters")
                .retentionPeriod(Duration.days(14))
                .build();
        this.queue = Queue.Builder.create(this, "Queue")
                .visibilityTimeout(Duration.seconds(VISIBILITY_PER_TIMEOUT * longestTimeout))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVE_COUNT).build())
                .build();
    }

    Queue queue() {
        return queue;
    }

    Queue deadLetters() {
        return deadLetters;
    }
}
