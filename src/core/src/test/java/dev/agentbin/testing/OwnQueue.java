package dev.agentbin.testing;

import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A test run's own queue on the local ElasticMQ with its dead-letter queue (the queue's name plus
 * "-dlq"), named uniquely so that runs side by side, or a local run, never share it.
 */
public record OwnQueue(String queueUrl, String deadLetterQueueUrl) {

    public static final String DEAD_LETTER_SUFFIX = "-dlq";

    public static OwnQueue create(SqsClient sqs, String prefix, int visibilityTimeoutSeconds, int maxReceiveCount) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String deadLetterQueueUrl =
                sqs.createQueue(b -> b.queueName(name + DEAD_LETTER_SUFFIX)).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(
                        b -> b.queueUrl(deadLetterQueueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = sqs.createQueue(b -> b.queueName(name)
                        .attributes(Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                String.valueOf(visibilityTimeoutSeconds),
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":"
                                        + maxReceiveCount + "}")))
                .queueUrl();
        return new OwnQueue(queueUrl, deadLetterQueueUrl);
    }

    public void delete(SqsClient sqs) {
        sqs.deleteQueue(b -> b.queueUrl(queueUrl));
        sqs.deleteQueue(b -> b.queueUrl(deadLetterQueueUrl));
    }
}
