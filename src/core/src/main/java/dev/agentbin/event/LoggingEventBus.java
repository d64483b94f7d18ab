package dev.agentbin.event;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Local runs and tests: EventBridge has no local stand-in, so events are logged (DEBUG) and counted as published. */
final class LoggingEventBus implements EventBus {

    private static final Logger LOG = Logger.getLogger(LoggingEventBus.class);

    @Override
    public Set<UUID> put(List<OutboxEvent> events) {
        events.forEach(event -> LOG.debugf("event bus (local, not EventBridge): %s", event.body()));
        return events.stream().map(OutboxEvent::id).collect(Collectors.toSet());
    }
}
