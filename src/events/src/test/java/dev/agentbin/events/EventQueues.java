package dev.agentbin.events;

import dev.agentbin.testing.LocalSqs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The delivery queue the events tests relay to: made on the local ElasticMQ for this run of the app, with
 * a name of its own (so two test runs on one ElasticMQ never purge or drain each other's queue), shaped
 * like event-deliveries but with a short redrive ({@link #MAX_RECEIVE_COUNT}), given to the app as
 * agentbin.events.queue-url, emptied before each test and dropped when the app stops.
 */
@WithTestResource(value = EventQueues.class, scope = TestResourceScope.GLOBAL)
public class EventQueues implements QuarkusTestResourceLifecycleManager {

    static final int MAX_RECEIVE_COUNT = 3;
    private static final String QUEUE_URL = "agentbin.events.queue-url";
    private static final String DEAD_LETTER_SUFFIX = "-dlq";

    record Pair(String queueUrl, String deadLetterQueueUrl) {}

    private SqsClient sqs;
    private Pair queues;

    @Override
    public Map<String, String> start() {
        sqs = LocalSqs.client();
        String name = "event-deliveries-test-" + UUID.randomUUID().toString().substring(0, 8);
        String dlqUrl =
                sqs.createQueue(b -> b.queueName(name + DEAD_LETTER_SUFFIX)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = sqs.createQueue(b -> b.queueName(name)
                        .attributes(Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                "30",
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + MAX_RECEIVE_COUNT
                                        + "}")))
                .queueUrl();
        queues = new Pair(queueUrl, dlqUrl);
        return Map.of(QUEUE_URL, queueUrl);
    }

    @Override
    public void stop() {
        if (sqs != null) {
            sqs.deleteQueue(b -> b.queueUrl(queues.queueUrl()));
            sqs.deleteQueue(b -> b.queueUrl(queues.deadLetterQueueUrl()));
            sqs.close();
        }
    }

    /** This run's delivery queue and its dead-letter queue, both emptied. */
    static Pair emptied(SqsClient sqs) {
        String queueUrl = ConfigProvider.getConfig().getValue(QUEUE_URL, String.class);
        Pair pair = new Pair(queueUrl, queueUrl + DEAD_LETTER_SUFFIX);
        sqs.purgeQueue(b -> b.queueUrl(pair.queueUrl()));
        sqs.purgeQueue(b -> b.queueUrl(pair.deadLetterQueueUrl()));
        return pair;
    }
}
