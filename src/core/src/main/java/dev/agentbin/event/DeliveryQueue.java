package dev.agentbin.event;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The queue the webhook-delivery function consumes: one message per event, its body the event body. */
public interface DeliveryQueue {

    /** Message attribute naming the event (also the webhook-id every delivery of it carries). */
    String EVENT_ID = "event_id";
    /** Message attribute naming the customer whose webhook receives it. */
    String CUSTOMER_ID = "customer_id";

    /** @return the ids of the events the queue accepted; the others stay in the outbox for the next relay. */
    Set<UUID> send(List<OutboxEvent> events);
}
