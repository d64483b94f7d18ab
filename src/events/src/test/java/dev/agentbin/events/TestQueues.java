package dev.agentbin.events;

import dev.agentbin.testing.OwnQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Per-test queues on the local ElasticMQ, shaped like ring-requests (a dead-letter queue after
 * {@link #MAX_RECEIVE_COUNT} receives), so tests never see each other's messages.
 */
public final class TestQueues {

    public static final int MAX_RECEIVE_COUNT = 5;

    private TestQueues() {}

    public static OwnQueue create(SqsClient sqs) {
        return OwnQueue.create(sqs, "ring-requests-test", 30, MAX_RECEIVE_COUNT);
    }
}
