package dev.agentbin.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.agentbin.agentcall.RingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an SQS message body into a valid {@link RingRequest}, or says why it cannot.
 *
 * <p>Bodies use the wire names (snake_case: agent_id, customer_id, ring_timeout, ...). The application's
 * ObjectMapper must stay camelCase because the Lambda runtime reads the SQS event itself with it, so
 * this parses with a snake_case copy that also refuses type coercion: "ring_timeout": "30" or 30.5 is
 * a producer bug to surface, not to guess around. Unknown fields are ignored (as everywhere else), so a
 * producer may add fields before the consumer knows them.
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

    public RingRequestReader(ObjectMapper base, Validator validator) {
        ObjectMapper mapper = base.copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.reader = mapper.readerFor(RingRequest.class);
        this.validator = validator;
    }

    public RingRequest read(String body) throws MalformedMessage {
        if (body == null || body.isBlank()) {
            throw new MalformedMessage("empty body");
        }
        RingRequest request;
        try {
            request = reader.readValue(body);
        } catch (MismatchedInputException e) {
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

    private static String at(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "" : " (field " + path + ")";
    }
}
