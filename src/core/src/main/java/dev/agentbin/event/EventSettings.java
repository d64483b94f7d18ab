package dev.agentbin.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where events go after the outbox, and how webhooks are checked and delivered. */
@ConfigMapping(prefix = "agentbin.events")
public interface EventSettings {

    /**
     * The delivery queue's URL. Unset, this process never relays: its events wait in the outbox for a
     * process that has it (the events-relay function, or a writer granted events-publish).
     */
    Optional<String> queueUrl();

    /** The EventBridge bus every event is put on. Unset (local runs), events are only logged there. */
    Optional<String> busName();

    /** An SQS endpoint other than AWS's (ElasticMQ locally and in tests). */
    Optional<URI> sqsEndpoint();

    /** Relay right after each commit that wrote events, on a background thread, instead of waiting for the schedule. */
    @WithDefault("true")
    boolean relayAfterCommit();

    Webhook webhook();

    Delivery delivery();

    interface Webhook {
        /**
         * Local runs only: allow http and loopback or private addresses. Deployed, a webhook must be https
         * on a public address, so nobody can aim the service at its own network.
         */
        @WithDefault("false")
        boolean allowLocalTargets();

        /** How long one delivery may take, connecting included. */
        @WithDefault("10s")
        Duration timeout();

        /** How long the previous secret still signs after a rotation. */
        @WithDefault("P1D")
        Duration previousSecretGrace();
    }

    /** Retries of a failed delivery: the wait doubles from the base up to the maximum. */
    interface Delivery {
        @WithDefault("10s")
        Duration backoffBase();

        @WithDefault("1h")
        Duration backoffMax();

        /**
         * The delivery queue's maxReceiveCount (infra's EventDelivery): a failure on that receive sends the
         * event to the dead-letter queue, and is counted and logged as such.
         */
        @WithDefault("10")
        int maxReceives();
    }
}
