package dev.agentbin.local.support;

import dev.agentbin.testing.LocalSqs;
import dev.agentbin.testing.OwnQueue;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The tests' own ring queue on the local ElasticMQ, shaped like ring-requests (a dead-letter queue after
 * {@link #MAX_RECEIVE_COUNT} receives) but with a short visibility timeout, so a failed message comes back
 * in seconds and the dead-letter path runs within a test. The app polls it instead of ring-requests,
 * which a local run may be using. Its dead-letter queue is the queue URL plus "-dlq". Global: every test
 * class runs against the one app, so Quarkus starts it once.
 */
@WithTestResource(value = TestRingQueue.class, scope = TestResourceScope.GLOBAL)
public class TestRingQueue implements QuarkusTestResourceLifecycleManager {

    public static final int MAX_RECEIVE_COUNT = 5;
    static final int VISIBILITY_TIMEOUT_SECONDS = 2;

    private SqsClient sqs;
    private OwnQueue queue;

    @Override
    public Map<String, String> start() {
        sqs = LocalSqs.client();
        queue = OwnQueue.create(sqs, "ring-requests-local-test", VISIBILITY_TIMEOUT_SECONDS, MAX_RECEIVE_COUNT);
        return Map.of("agentbin.local.ring-queue.url", queue.queueUrl());
    }

    @Override
    public void stop() {
        if (sqs != null) {
            queue.delete(sqs);
            sqs.close();
        }
    }
}
