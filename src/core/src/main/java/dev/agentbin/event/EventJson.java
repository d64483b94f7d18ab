package dev.agentbin.event;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 *
 * <p>agent_status_updated also says why the status changed, as {@code cause} beside {@code data}: not in
 * it, because {@code data} is the agent exactly as the reference's event and GET /v1.0/agents/{id} show
 * it (a client that decodes it as an agent meets no stray field), and the cause is about this change, not
 * a property of the agent. Events without a cause have no {@code cause} key at all, so their bodies are
 * the reference's as before.
 */
@ApplicationScoped
public class EventJson {

    /** Public so that the API's document describes the events from this very record (api web/EventWebhooks). */
    @RegisterForReflection
    @JsonPropertyOrder({"id", "type", "time", "sequence", "cause", "data"})
    public record Envelope(
            UUID id,
            EventType type,
            Instant time,
            long sequence,
            @JsonInclude(JsonInclude.Include.NON_NULL) Object cause,
            Object data) {}

    private final ObjectMapper mapper;

    public EventJson(ObjectMapper base) {
        this.mapper = base.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    String envelope(UUID id, EventType type, Instant time, long sequence, Object cause, Object data) {
        try {
            return mapper.writeValueAsString(new Envelope(id, type, time, sequence, cause, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type.wire() + " cannot be rendered", e);
        }
    }
}
