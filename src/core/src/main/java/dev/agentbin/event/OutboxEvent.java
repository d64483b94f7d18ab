package dev.agentbin.event;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row on its way out: the body is sent byte for byte as stored.
 *
 * @param subjectId the agent or the tag the event is about (its sequence counts that subject's events)
 * @param toQueue   not yet on the delivery queue
 * @param toBus     not yet on the event bus
 * @param hasWebhook the customer has a webhook now (without one, there is nothing to queue)
 */
public record OutboxEvent(
        UUID id,
        UUID customerId,
        UUID subjectId,
        long sequence,
        EventType type,
        String body,
        Instant time,
        boolean toQueue,
        boolean toBus,
        boolean hasWebhook) {}
