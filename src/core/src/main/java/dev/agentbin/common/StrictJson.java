package dev.agentbin.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one JSON setup for everything sent to us from outside: request bodies, provider webhooks and ring
 * requests on the queue. The reference's snake_case names, and strict reading, so malformed input is
 * refused where it arrives instead of surprising us further in. Kept off the application-wide mapper,
 * which the Lambda runtime also uses for its own events (camelCase).
 */
@Singleton
public class StrictJson {

    /** PostgreSQL cannot store U+0000 in text. */
    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private final ObjectMapper mapper;

    public StrictJson(ObjectMapper base) {
        this.mapper = base.copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // {"status":"away"} followed by anything else is not one JSON value.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // "kind": 3 must not pick an enum constant by its position.
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .registerModule(new SimpleModule("no-nul").addDeserializer(String.class, new NoNulString()));
        // {"status":"away","status":"busy"}: which one was meant? Refused instead of guessed.
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // A wrong JSON type is a mistake to report, not to guess around: 1.5 is no permission, 12345678 no password.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "" is not a number, and not "absent" either: permission "" must not become 0, ring_timeout "" not 30.
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "" is no UUID (customer_id, agent_id, tag_ids) nor a timestamp.
        mapper.coercionConfigFor(LogicalType.OtherScalar)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Where in the value a mapping failed, as field names and [indexes] joined by dots; empty at the top. */
    public static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** Refused here, for every string of every value, so no field can forget it and no NUL reaches a query. */
    static final class NoNulString extends StdScalarDeserializer<String> {

        NoNulString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw JsonMappingException.from(parser, "NUL character", new IllegalArgumentException(NUL_MESSAGE));
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
