package dev.agentbin.api.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The error answers every route shares, added to each operation beside the ones its resource method declares
 * ({@link ErrorReasons}), and the error envelope on all of them. Which operation gets which follows from what
 * the document already says of it, as the code decides it: a JSON body is read strictly (400), an {@code id} in
 * the path is parsed as a UUID (400 INVALID_ID, core {@code common/Ids}), a route that is not public authenticates
 * and re-reads its caller from the database (401, 503), a cookie may not change anything from another site
 * (403, {@code auth/CrossSiteCookieGuard}), and the request limits hold on every route ({@link RequestLimits},
 * {@link BodySizeLimit}).
 */
final class ErrorResponses {

    private static final String ENVELOPE = "ErrorEnvelope";
    private static final String RETRY_AFTER = "Retry-After";
    private static final Set<PathItem.HttpMethod> UNSAFE = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private static final String MALFORMED = "- `INVALID_ARGUMENT`: the request is malformed: a field or parameter is"
            + " missing, of the wrong type or out of range, or a NUL character is in the URL or a header (the message"
            + " says which).\n";
    private static final String NOT_JSON = "- `INVALID_JSON_BODY`: the body is not JSON.\n";
    private static final String INVALID_ID = "- `INVALID_ID`: the id in the path is not a UUID.\n";
    private static final String NO_CREDENTIAL = "- `AUTHENTICATION_REQUIRED`: no credential was sent.\n";
    private static final String BAD_CREDENTIAL = "- `INVALID_CREDENTIALS`: the token is invalid, expired or revoked"
            + " (a password change revokes every earlier token), its agent is deleted, or the access key is unknown,"
            + " expired or deleted.\n";
    private static final String CROSS_SITE = "- `CROSS_SITE_REQUEST`: the request carries the token or accesskey"
            + " cookie but does not come from this service's own pages (Sec-Fetch-Site, else Origin).\n";

    /** An answer every operation shares unchanged, described once under components/responses. */
    private record Shared(String status, String name, String reasons) {}

    private static final List<Shared> SHARED = List.of(
            new Shared(
                    "413",
                    "PayloadTooLarge",
                    "- `PAYLOAD_TOO_LARGE`: the body is larger than " + BodySizeLimit.MAX_BYTES / 1024 + " KiB."),
            new Shared(
                    "414",
                    "UriTooLong",
                    "- `URI_TOO_LONG`: the path and query are longer than " + RequestLimits.MAX_URI_CHARS
                            + " characters."),
            new Shared(
                    "415",
                    "UnsupportedMediaType",
                    "- `UNSUPPORTED_MEDIA_TYPE`: a body without a Content-Type, or"
                            + " not of a type the route reads."),
            new Shared(
                    "431",
                    "HeadersTooLarge",
                    "- `HEADERS_TOO_LARGE`: the headers are larger than " + RequestLimits.MAX_HEADER_CHARS / 1024
                            + " KiB together."),
            new Shared("500", "Internal", "- `INTERNAL`: a fault of the service (logged with the request_id)."));

    private ErrorResponses() {}

    static void addTo(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        components.addSchema(ENVELOPE, envelope());
        components.addHeader(
                RETRY_AFTER,
                OASFactory.createHeader()
                        .description("Seconds to wait before trying again (always with 429; with 503 UNAVAILABLE).")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        SHARED.forEach(shared -> components.addResponse(
                shared.name(),
                OASFactory.createAPIResponse().description(shared.reasons()).content(envelopeContent())));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(path -> path.getOperations().forEach((method, operation) -> {
                    boolean authenticated = operation.getSecurity() == null
                            || !operation.getSecurity().isEmpty();
                    String malformed = MALFORMED
                            + (readsJson(operation) ? NOT_JSON : "")
                            + (hasIdInPath(operation) ? INVALID_ID : "");
                    add(operation, "400", malformed);
                    if (authenticated) {
                        add(operation, "401", NO_CREDENTIAL + BAD_CREDENTIAL);
                        add(operation, "503", ErrorReasons.UNAVAILABLE);
                    }
                    if (UNSAFE.contains(method)) {
                        add(operation, "403", CROSS_SITE);
                    }
                    SHARED.forEach(shared -> operation
                            .getResponses()
                            .addAPIResponse(
                                    shared.status(),
                                    OASFactory.createAPIResponse().ref(shared.name())));
                    operation.getResponses().getAPIResponses().forEach(ErrorResponses::complete);
                    operation.setResponses(sorted(operation.getResponses()));
                }));
    }

    /** The route's own reasons for this status first, then the shared ones. */
    private static void add(Operation operation, String status, String reasons) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response == null) {
            operation
                    .getResponses()
                    .addAPIResponse(status, OASFactory.createAPIResponse().description(reasons));
        } else {
            String own = response.getDescription() == null ? "" : response.getDescription();
            response.setDescription(own.isEmpty() || own.endsWith("\n") ? own + reasons : own + "\n\n" + reasons);
        }
    }

    /**
     * Every error answer may be the envelope (a route's own page, such as the reset form's, is one more kind); a
     * 429 or 503 may say when to retry.
     */
    private static void complete(String status, APIResponse response) {
        if (response.getRef() != null || !status.matches("[45]\\d\\d")) {
            return;
        }
        response.setDescription(response.getDescription().strip());
        if (response.getContent() == null) {
            response.setContent(envelopeContent());
        } else if (!response.getContent().hasMediaType("application/json")) {
            response.getContent()
                    .addMediaType("application/json", envelopeContent().getMediaType("application/json"));
        }
        if (status.equals("429") || status.equals("503")) {
            response.addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER));
        }
    }

    private static APIResponses sorted(APIResponses responses) {
        APIResponses ordered = OASFactory.createAPIResponses();
        responses.getAPIResponses().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> ordered.addAPIResponse(e.getKey(), e.getValue()));
        return ordered;
    }

    private static boolean readsJson(Operation operation) {
        return operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType("application/json");
    }

    private static boolean hasIdInPath(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.PATH && "id".equals(p.getName()));
    }

    private static Content envelopeContent() {
        return OASFactory.createContent()
                .addMediaType(
                        "application/json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(ENVELOPE)));
    }

    /** Made from {@link ErrorEnvelope} itself. */
    private static Schema envelope() {
        Schema body = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        Arrays.stream(ErrorEnvelope.Body.class.getRecordComponents())
                .map(RecordComponent::getName)
                .forEach(name -> body.addProperty(
                        snakeCase(name), OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        body.required(List.copyOf(body.getProperties().keySet()));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("error", body))
                .required(List.of("error"))
                .description(
                        "Every failure: status as the reference names it (INVALID_ARGUMENT, UNAUTHENTICATED, ...), "
                                + "reason in UPPER_SNAKE (each answer lists the reasons it may carry), a message for people, "
                                + "and the request's id.");
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
