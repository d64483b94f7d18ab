package dev.agentbin.local.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The tests' own event queue on the local ElasticMQ, shaped like event-deliveries: the app relays its
 * events to it and webhook-delivery is fed from it, instead of event-deliveries, which a local run (or
 * another test run) may be draining at the same time.
 */
@WithTestResource(value = TestEventQueue.class, scope = TestResourceScope.GLOBAL)
public class TestEventQueue implements QuarkusTestResourceLifecycleManager {

    private SqsClient sqs;
    private String queueUrl;
    private String deadLetterQueueUrl;

    @Override
    public Map<String, String> start() {
        sqs = TestRingQueue.client();
        String name = "event-deliveries-local-test-" + UUID.randomUUID().toString().substring(0, 8);
        deadLetterQueueUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetterQueueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "180",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":10}")))
                .queueUrl();
        return Map.of("agentbin.events.queue-url", queueUrl);
    }

    @Override
    public void stop() {
        if (sqs != null) {
            sqs.deleteQueue(b -> b.queueUrl(queueUrl));
            sqs.deleteQueue(b -> b.queueUrl(deadLetterQueueUrl));
            sqs.close();
        }
    }
}
