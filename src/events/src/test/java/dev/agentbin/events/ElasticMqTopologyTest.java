package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentbin.testing.LocalSqs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The ElasticMQ that scripts/elasticmq.sh starts has the queue topology the tests and infra assume. */
class ElasticMqTopologyTest {

    @Test
    void ringRequestsMovesToItsDeadLetterQueueAfterFiveReceives() {
        try (SqsClient sqs = LocalSqs.client()) {
            String url = sqs.getQueueUrl(b -> b.queueName("ring-requests")).queueUrl();
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(
                            b -> b.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                    .attributes();
            assertEquals(
                    "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:ring-requests-dlq\",\"maxReceiveCount\":5}",
                    attributes.get(QueueAttributeName.REDRIVE_POLICY).replace(" ", ""));
            sqs.getQueueUrl(b -> b.queueName("ring-requests-dlq"));
        }
    }
}
