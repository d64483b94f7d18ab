package dev.agentbin.infra;

import java.util.List;
import java.util.function.Consumer;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The shape of every queue a Lambda event source consumes here: a dead-letter queue kept 14 days, and a
 * visibility timeout that lets the slowest consumer finish before a message shows again. Both encrypted at
 * rest and refusing requests not made over TLS.
 */
record LambdaFedQueue(Queue queue, Queue deadLetters) {

    /** AWS's advice for Lambda consumers: six times the function timeout, so retries don't overlap. */
    static final int VISIBILITY_PER_TIMEOUT = 6;

    private static final int TIMEOUT_WITHOUT_CONSUMER = 30;

    /** Creates "Queue" and "DeadLetters" in {@code scope}; {@code more} sets what a queue needs beyond that. */
    static LambdaFedQueue create(
            Construct scope, List<FunctionSpec> consumers, int maxReceiveCount, Consumer<Queue.Builder> more) {
        int longestTimeout =
                consumers.stream().mapToInt(FunctionSpec::timeout).max().orElse(TIMEOUT_WITHOUT_CONSUMER);
        Queue deadLetters = Queue.Builder.create(scope, "DeadLetters")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Queue.Builder queue = Queue.Builder.create(scope, "Queue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(Duration.seconds(VISIBILITY_PER_TIMEOUT * longestTimeout))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(maxReceiveCount)
                        .build());
        more.accept(queue);
        return new LambdaFedQueue(queue.build(), deadLetters);
    }
}
