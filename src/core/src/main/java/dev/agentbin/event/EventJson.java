package dev.agentbin.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Renders an event body: the reference's {"type", "data"} with the data as the API shows it (snake_case),
 * plus id, time and the per-agent sequence number. The application's mapper stays camelCase (the Lambda
 * runtime reads its own events with it), so this writes with a snake_case copy, as the REST layer does.
 */
@ApplicationScoped
public class EventJson {

    /** Public so that the API's document describes the events from this very record (api web/EventWebhooks). */
    @RegisterForReflection
    @JsonPropertyOrder({"id", "type", "time", "sequence", "data"})
    public record Envelope(UUID id, EventType type, Instant time, long sequence, Object data) {
    }

    private final ObjectMapper mapper;

    public EventJson(ObjectMapper base) {
        this.mapper = base.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    String envelope(UUID id, EventType type, Instant time, long sequence, Object data) {
        try {
            return mapper.writeValueAsString(new Envelope(id, type, time, sequence, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type.wire() + " cannot be rendered", e);
        }
    }
}
