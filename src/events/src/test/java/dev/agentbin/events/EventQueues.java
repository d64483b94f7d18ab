package dev.agentbin.events;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The delivery queue the events tests relay to (agentbin.events.queue-url in the test profile), shaped
 * like event-deliveries but with a short redrive ({@link #MAX_RECEIVE_COUNT}), created on the local
 * ElasticMQ when missing and emptied before each test.
 */
final class EventQueues {

    static final String NAME = "event-deliveries-test";
    static final int MAX_RECEIVE_COUNT = 3;

    record Pair(String queueUrl, String deadLetterQueueUrl) {
    }

    private EventQueues() {
    }

    static Pair emptied(SqsClient sqs) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(NAME + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = sqs.createQueue(b -> b.queueName(NAME).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + MAX_RECEIVE_COUNT + "}")))
                .queueUrl();
        sqs.purgeQueue(b -> b.queueUrl(queueUrl));
        sqs.purgeQueue(b -> b.queueUrl(dlqUrl));
        return new Pair(queueUrl, dlqUrl);
    }
}
