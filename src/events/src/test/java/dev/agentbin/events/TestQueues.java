package dev.agentbin.events;

import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Per-test queues on the local ElasticMQ, shaped like ring-requests (a dead-letter queue after
 * {@link #MAX_RECEIVE_COUNT} receives), so tests never see each other's messages.
 */
public final class TestQueues {

    public static final int MAX_RECEIVE_COUNT = 5;

    /** A fresh queue and its dead-letter queue. */
    public record Pair(String queueUrl, String deadLetterQueueUrl) {
    }

    private TestQueues() {
    }

    public static Pair create(SqsClient sqs) {
        String name = "ring-requests-test-" + UUID.randomUUID().toString().substring(0, 8);
        String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + MAX_RECEIVE_COUNT + "}")))
                .queueUrl();
        return new Pair(queueUrl, dlqUrl);
    }

    public static void delete(SqsClient sqs, Pair pair) {
        sqs.deleteQueue(b -> b.queueUrl(pair.queueUrl()));
        sqs.deleteQueue(b -> b.queueUrl(pair.deadLetterQueueUrl()));
    }
}
