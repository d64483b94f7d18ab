package dev.agentbin.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the local run plays the parts AWS plays when deployed: the queues' event sources and the schedules. */
@ConfigMapping(prefix = "agentbin.local")
public interface LocalSettings {

    /** The queue ringall-dispatch consumes (ElasticMQ's ring-requests locally). */
    Queue ringQueue();

    /** The queue webhook-delivery consumes (ElasticMQ's event-deliveries locally). */
    Queue eventQueue();

    /** How often events-relay runs (AWS: every minute); the after-commit relay usually got there first. */
    @WithDefault("5s")
    Duration relayInterval();

    /** How often ringall-sweeper runs (AWS: every minute; shorter locally so wrap-ups and timeouts show at once). */
    @WithDefault("1s")
    Duration sweepInterval();

    interface Queue {
        /** The queue's URL; its SQS endpoint is its origin. */
        String url();

        @WithDefault("us-east-1")
        String region();

        /** Concurrent pollers, each invoking the handler with one batch at a time, as Lambda's mapping scales out. */
        @WithDefault("2")
        int pollers();

        /** How long each receive waits for messages (long polling). */
        @WithDefault("1s")
        Duration receiveWait();
    }
}
