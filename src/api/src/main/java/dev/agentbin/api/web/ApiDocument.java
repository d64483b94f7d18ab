package dev.agentbin.api.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the generated OpenAPI document cannot infer from the resources and records: the credentials, as
 * the reference reads them (a JWT from the token cookie, ?token= or Authorization: Bearer; else an access
 * key from the accesskey cookie or ?accesskey=, and ours besides, Authorization: Bearer ak_...), any one of which authenticates a route
 * that is not public (public ones say {@code @SecurityRequirements} with none); the error envelope every
 * operation may answer, its schema made from {@link ErrorEnvelope} itself; enums as they are sent. Runs when
 * the document is built, so none of it is left for run time.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocument implements OASFilter {

    static final String ERROR_SCHEMA = "ErrorEnvelope";

    private static final Map<String, SecurityScheme> CREDENTIALS = new TreeMap<>(Map.of(
            "token-cookie", apiKey(SecurityScheme.In.COOKIE, "token", "The JWT that POST /auth/login sets as a cookie"),
            "token-query", apiKey(SecurityScheme.In.QUERY, "token", "The JWT as ?token="),
            "bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("The JWT as Authorization: Bearer; or an access key (ak_...) as Authorization: Bearer, when no JWT is sent"),
            "accesskey-cookie", apiKey(SecurityScheme.In.COOKIE, "accesskey", "An access key, when no JWT is sent"),
            "accesskey-query", apiKey(SecurityScheme.In.QUERY, "accesskey", "An access key as ?accesskey=, when no JWT is sent")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.info(OASFactory.createInfo().title("agentbin").version("1.0")
                .description("VoIPBIN-compatible Agent API with ring-all dispatch (README, \"API\")."));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        CREDENTIALS.forEach(components::addSecurityScheme);
        CREDENTIALS.keySet().stream().sorted()
                .forEach(name -> openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(name)));
        components.addSchema(ERROR_SCHEMA, errorEnvelope());
        // Every enum the API carries is a WireEnum: its JSON form is the constant's lower-case name.
        components.getSchemas().values().stream().filter(schema -> schema.getEnumeration() != null)
                .forEach(schema -> schema.setEnumeration(schema.getEnumeration().stream()
                        .map(value -> value instanceof String name ? name.toLowerCase(Locale.ROOT) : value).toList()));
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation ->
                    operation.getResponses().addAPIResponse("default", OASFactory.createAPIResponse()
                            .description("An error, in the error envelope")
                            .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(ERROR_SCHEMA)))))));
        }
    }

    private static Schema errorEnvelope() {
        Schema body = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        Arrays.stream(ErrorEnvelope.Body.class.getRecordComponents()).map(RecordComponent::getName)
                .forEach(name -> body.addProperty(snakeCase(name), OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        body.required(List.copyOf(body.getProperties().keySet()));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("error", body)).required(List.of("error"))
                .description("Every failure: status as the reference names it (INVALID_ARGUMENT, UNAUTHENTICATED, ...), "
                        + "reason in UPPER_SNAKE, a message for people, and the request's id.");
    }

    private static SecurityScheme apiKey(SecurityScheme.In in, String name, String description) {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY).in(in).name(name).description(description);
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
