package dev.agentbin.api.web;

import dev.agentbin.agent.Agent;
import dev.agentbin.agent.StatusCause;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.event.EventJson;
import dev.agentbin.event.EventType;
import dev.agentbin.event.WebhookSignature;
import dev.agentbin.tag.Tag;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The events a customer's webhook receives, as the document's {@code webhooks}: one entry per {@link EventType},
 * its body the envelope {@link EventJson.Envelope} renders (read from the record, so a field added there shows
 * here) around the event's data, and the Standard Webhooks headers {@code event/WebhookDelivery} signs it with.
 */
final class EventWebhooks {

    private static final String TAG = "Events";

    /** What an event's data is and when it is sent: the switch has no default, so a new event type must be described here. */
    private record Described(Class<?> data, String when) {}

    private EventWebhooks() {}

    private static Described describe(EventType type) {
        return switch (type) {
            case AGENT_CREATED ->
                new Described(Agent.class, "An agent was created (by the API or the first-admin bootstrap).");
            case AGENT_UPDATED ->
                new Described(
                        Agent.class,
                        "An agent's permission was set (as in the reference, only a" + " permission change sends it).");
            case AGENT_DELETED ->
                new Described(Agent.class, "An agent was deleted: data carries tm_delete and no addresses.");
            case AGENT_STATUS_UPDATED ->
                new Described(
                        Agent.class,
                        "Every write of an agent's status, even to the same value:"
                                + " its own choice, a ring's claim, answer and end, wrap-up over, no answer; cause says which.");
            case AGENTCALL_CREATED ->
                new Described(
                        AgentCall.class, "A ring started: the agent is claimed and a leg stored per" + " address.");
            case AGENTCALL_ANSWERED ->
                new Described(
                        AgentCall.class,
                        "The first answer won: answered_leg_id names the winning"
                                + " leg; the others are canceled (\"completed elsewhere\").");
            case AGENTCALL_ENDED ->
                new Described(
                        AgentCall.class,
                        "The agentcall ended: status is the outcome, end_reason why,"
                                + " and every leg says how it ended.");
            case TAG_CREATED -> new Described(Tag.class, "A tag was created.");
            case TAG_UPDATED -> new Described(Tag.class, "A tag's name or detail was changed.");
            case TAG_DELETED ->
                new Described(
                        Tag.class,
                        "A tag was deleted: data carries tm_delete; agents keep its id in"
                                + " tag_ids. A tag's events have their own sequence.");
        };
    }

    /** On the document of the routes, whose schemas the events' data refers to (the filter also sees a document without any). */
    static void addTo(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.addTag(OASFactory.createTag()
                .name(TAG)
                .description("What a customer's webhook receives (see Webhooks for"
                        + " setting it): one signed request per event, tried again with growing pauses until the receiver answers 2xx"
                        + " or the tries run out."));
        for (EventType type : EventType.values()) {
            Described described = describe(type);
            String schemaName = schemaName(type);
            if (!openAPI.getComponents()
                    .getSchemas()
                    .containsKey(described.data().getSimpleName())) {
                throw new IllegalStateException(
                        "no schema " + described.data().getSimpleName() + " for the data of " + type.wire());
            }
            openAPI.getComponents().addSchema(schemaName, envelope(type, described.data()));
            openAPI.addWebhook(type.wire(), OASFactory.createPathItem().POST(delivery(type, described, schemaName)));
        }
    }

    private static Operation delivery(EventType type, Described described, String schemaName) {
        Operation operation = OASFactory.createOperation()
                .operationId(camelCase(type.wire()) + "Event")
                .summary(type.wire())
                .description(
                        described.when() + "\n\nSent with the webhook's webhook_method (POST, or PUT). Every delivery"
                                + " of one event carries the same id and the same bytes; sequence orders one agent's (or one tag's) events.")
                .addTag(TAG)
                .requestBody(OASFactory.createRequestBody()
                        .required(true)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        "application/json",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(schemaName)))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("2XX", OASFactory.createAPIResponse().description("Delivered."))
                        .addAPIResponse(
                                "default",
                                OASFactory.createAPIResponse()
                                        .description("Not delivered (so is no"
                                                + " answer within the timeout, or a redirect, which is not followed): tried again later,"
                                                + " with growing pauses, up to the last try.")));
        signatureHeaders().forEach(operation::addParameter);
        return operation;
    }

    private static List<Parameter> signatureHeaders() {
        return List.of(
                header(
                        WebhookSignature.ID_HEADER,
                        "The event's id, as in the body: a receiver drops repeats by it.",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uuid")),
                header(
                        WebhookSignature.TIMESTAMP_HEADER,
                        "Unix seconds when this attempt was sent; refuse old ones" + " (replays).",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int64")),
                header(
                        WebhookSignature.SIGNATURE_HEADER,
                        "Standard Webhooks: `v1,` + base64 of HMAC-SHA256 over"
                                + " `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the base64-decoded part of the signing"
                                + " secret after `" + WebhookSignature.SECRET_PREFIX
                                + "`. While a secret is being rotated, one"
                                + " signature per valid secret, space-separated: accept the request when any matches.",
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }

    private static Parameter header(String name, String description, Schema schema) {
        return OASFactory.createParameter()
                .in(Parameter.In.HEADER)
                .name(name)
                .required(true)
                .description(description)
                .schema(schema);
    }

    /** The envelope's fields as EventJson writes them, snake_case, with this type's data. */
    private static Schema envelope(EventType type, Class<?> data) {
        Schema schema = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("The " + type.wire() + " event, as the webhook and the event bus receive it.");
        List<String> required = new ArrayList<>();
        for (RecordComponent field : EventJson.Envelope.class.getRecordComponents()) {
            String name =
                    field.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            if (name.equals("cause")) {
                // Written only where a cause is given: every agent_status_updated, no other event.
                if (type == EventType.AGENT_STATUS_UPDATED) {
                    schema.addProperty(name, OASFactory.createSchema().ref(StatusCause.class.getSimpleName()));
                    required.add(name);
                }
                continue;
            }
            schema.addProperty(name, fieldSchema(field.getType(), type, data));
            required.add(name);
        }
        return schema.required(required);
    }

    private static Schema fieldSchema(Class<?> javaType, EventType type, Class<?> data) {
        if (javaType == UUID.class) {
            return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid");
        }
        if (javaType == Instant.class) {
            return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time");
        }
        if (javaType == long.class) {
            return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64");
        }
        if (javaType == EventType.class) {
            return OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of(type.wire()));
        }
        if (javaType == Object.class) {
            return OASFactory.createSchema().ref(data.getSimpleName());
        }
        throw new IllegalStateException("the event envelope has a field of type " + javaType + ": describe it here");
    }

    /** agent_status_updated: AgentStatusUpdatedEvent. */
    private static String schemaName(EventType type) {
        String camel = camelCase(type.wire());
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1) + "Event";
    }

    private static String camelCase(String snake) {
        StringBuilder camel = new StringBuilder();
        Arrays.stream(snake.split("_"))
                .forEach(part -> camel.append(
                        camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1)));
        return camel.toString();
    }
}
