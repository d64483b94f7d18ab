package dev.agentbin.local.support;

import dev.agentbin.testing.LocalSqs;
import dev.agentbin.testing.OwnQueue;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The tests' own event queue on the local ElasticMQ, shaped like event-deliveries: the app relays its
 * events to it and webhook-delivery is fed from it, instead of event-deliveries, which a local run (or
 * another test run) may be draining at the same time.
 */
@WithTestResource(value = TestEventQueue.class, scope = TestResourceScope.GLOBAL)
public class TestEventQueue implements QuarkusTestResourceLifecycleManager {

    private SqsClient sqs;
    private OwnQueue queue;

    @Override
    public Map<String, String> start() {
        sqs = LocalSqs.client();
        queue = OwnQueue.create(sqs, "event-deliveries-local-test", 180, 10);
        return Map.of("agentbin.events.queue-url", queue.queueUrl());
    }

    @Override
    public void stop() {
        if (sqs != null) {
            queue.delete(sqs);
            sqs.close();
        }
    }
}
