package dev.agentbin.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The stack's EventBridge bus: source "agentbin", detail-type the event type, detail the event body, so
 * a rule matches e.g. {"source": ["agentbin"], "detail-type": ["agent_status_updated"]}. Cannot be
 * reached locally (there is no local EventBridge), where {@link LoggingEventBus} stands in.
 */
final class EventBridgeBus implements EventBus {

    private static final int BATCH = 10;

    private final EventBridgeClient events;
    private final String busName;

    EventBridgeBus(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public Set<UUID> put(List<OutboxEvent> outbox) {
        Set<UUID> put = new HashSet<>();
        for (int from = 0; from < outbox.size(); from += BATCH) {
            List<OutboxEvent> batch = outbox.subList(from, Math.min(outbox.size(), from + BATCH));
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            for (OutboxEvent event : batch) {
                entries.add(PutEventsRequestEntry.builder()
                        .eventBusName(busName)
                        .source(SOURCE)
                        .detailType(event.type().wire())
                        .detail(event.body())
                        .time(event.time())
                        .build());
            }
            PutEventsResponse response = events.putEvents(b -> b.entries(entries));
            // Result entries come back in request order; a failed one carries an error code.
            List<PutEventsResultEntry> results = response.entries();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).errorCode() == null) {
                    put.add(batch.get(i).id());
                }
            }
        }
        return put;
    }
}
