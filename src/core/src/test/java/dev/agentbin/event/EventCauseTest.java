package dev.agentbin.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.agentbin.agent.StatusCause;
import dev.agentbin.agent.StatusCauseType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The cause of agent_status_updated in the event body, and on the EventBridge side (the webhook side is
 * src/events' WebhookEventsTest): a {@code cause} object beside {@code data}, every field sent; an event
 * without a cause is the reference's envelope, with no cause key.
 */
class EventCauseTest {

    private static final ObjectMapper READ = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2026-11-27T09:14:34.123456Z");

    private final EventJson json = new EventJson(new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @Test
    void theCauseGoesBesideDataAndEventBridgeGetsTheBodyAsItsDetail() throws Exception {
        UUID id = UUID.fromString("7f0c1d2e-0000-4000-8000-000000000001");
        UUID call = UUID.fromString("7f0c1d2e-0000-4000-8000-0000000000c1");
        String body = json.envelope(
                id,
                EventType.AGENT_STATUS_UPDATED,
                TIME,
                7,
                StatusCause.ofCall(StatusCauseType.MAX_NO_ANSWER, call),
                Map.of("status", "away"));
        assertEquals(READ.readTree("""
                {"id": "7f0c1d2e-0000-4000-8000-000000000001", "type": "agent_status_updated", "time": "2026-11-27T09:14:34.123456Z",
                 "sequence": 7,
                 "cause": {"type": "max_no_answer", "agent_id": null, "accesskey_id": null, "agentcall_id": "7f0c1d2e-0000-4000-8000-0000000000c1"},
                 "data": {"status": "away"}}"""), READ.readTree(body));
        assertEquals(List.of("id", "type", "time", "sequence", "cause", "data"), keys(READ.readTree(body)));

        List<PutEventsRequestEntry> put = new ArrayList<>();
        new EventBridgeBus(recording(put), "agentbin-events")
                .put(List.of(new OutboxEvent(
                        id,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        7,
                        EventType.AGENT_STATUS_UPDATED,
                        body,
                        TIME,
                        false,
                        true,
                        false)));
        assertEquals(1, put.size());
        assertEquals("agent_status_updated", put.get(0).detailType());
        assertEquals(body, put.get(0).detail(), "the detail is the body, cause included");
    }

    @Test
    void anEventWithoutACauseHasNoCauseKey() throws Exception {
        String body =
                json.envelope(UUID.randomUUID(), EventType.AGENT_UPDATED, TIME, 3, null, Map.of("permission", 16));
        assertEquals(List.of("id", "type", "time", "sequence", "data"), keys(READ.readTree(body)));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** An EventBridge client that keeps what it is given and accepts all of it. */
    private static EventBridgeClient recording(List<PutEventsRequestEntry> put) {
        return new EventBridgeClient() {
            @Override
            public PutEventsResponse putEvents(PutEventsRequest request) {
                put.addAll(request.entries());
                return PutEventsResponse.builder()
                        .entries(request.entries().stream()
                                .map(e -> PutEventsResultEntry.builder()
                                        .eventId("e")
                                        .build())
                                .toList())
                        .build();
            }

            @Override
            public String serviceName() {
                return "events";
            }

            @Override
            public void close() {}
        };
    }
}
