package dev.agentbin.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.common.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an SQS message body into a valid {@link RingRequest}, or says why it cannot.
 *
 * <p>Bodies use the wire names (snake_case: agent_id, customer_id, ring_timeout, ...) and are read as
 * strictly as the API's request bodies ({@link StrictJson}): "ring_timeout": "30" or 30.5 is a producer
 * bug to surface, not to guess around. Unknown fields are ignored (as everywhere else), so a producer may
 * add fields before the consumer knows them.
 */
@ApplicationScoped
public class RingRequestReader {

    /** A body that can never become a ring request: redelivering it would not help. */
    public static final class MalformedMessage extends Exception {
        public MalformedMessage(String message) {
            super(message);
        }
    }

    private final ObjectReader reader;
    private final Validator validator;

    public RingRequestReader(StrictJson json, Validator validator) {
        this.reader = json.mapper().readerFor(RingRequest.class);
        this.validator = validator;
    }

    public RingRequest read(String body) throws MalformedMessage {
        if (body == null || body.isBlank()) {
            throw new MalformedMessage("empty body");
        }
        RingRequest request;
        try {
            request = reader.readValue(body);
        } catch (JsonMappingException e) {
            throw new MalformedMessage("not a ring request" + at(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new MalformedMessage("not JSON: " + e.getOriginalMessage());
        }
        if (request == null) {
            throw new MalformedMessage("body is JSON null");
        }
        Set<ConstraintViolation<RingRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new MalformedMessage(violations.stream()
                    .map(ConstraintViolation::getMessage)
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private static String at(JsonMappingException e) {
        String path = StrictJson.path(e);
        return path.isEmpty() ? "" : " (field " + path + ")";
    }
}
