package dev.agentbin.event;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Where every event is also published for routing by rules (EventBridge in AWS). */
public interface EventBus {

    /** The source every event carries on the bus. */
    String SOURCE = "agentbin";

    /** @return the ids of the events the bus accepted; the others stay in the outbox for the next relay. */
    Set<UUID> put(List<OutboxEvent> events);
}
