package dev.agentbin.api.web;

import dev.agentbin.agent.AgentListQuery;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the generated OpenAPI document cannot infer from the resources and records, in one place: the
 * credentials, as the reference reads them (a JWT from the token cookie, ?token= or Authorization: Bearer; else
 * an access key from the accesskey cookie or ?accesskey=, and ours besides, Authorization: Bearer ak_...), any
 * one of which authenticates a route that is not public (public ones say {@code @SecurityRequirements} with
 * none); the error answers every route shares ({@link ErrorResponses}); the paging parameters the lists share;
 * ids in paths as UUIDs; enums as they are sent; the events in {@code webhooks} ({@link EventWebhooks}).
 * What is particular to a route is said on its resource method: {@code @Operation} (operationId, summary,
 * description), its query parameters, and the error reasons of its own ({@link ErrorReasons}). Runs when the
 * document is built, so none of it is left for run time.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocument implements OASFilter {

    /** {@code @Parameter(name = PAGE_SIZE, in = QUERY, ref = PAGE_SIZE)} on a list that pages as the agents' does. */
    public static final String PAGE_SIZE = "page_size";
    /** {@code @Parameter(name = PAGE_TOKEN, in = QUERY, ref = PAGE_TOKEN)} on every cursor-paged list. */
    public static final String PAGE_TOKEN = "page_token";

    private static final Map<String, SecurityScheme> CREDENTIALS = new TreeMap<>(Map.of(
            "token-cookie", apiKey(SecurityScheme.In.COOKIE, "token", "The JWT that POST /auth/login sets as a cookie"),
            "token-query", apiKey(SecurityScheme.In.QUERY, "token", "The JWT as ?token="),
            "bearer",
                    OASFactory.createSecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description(
                                    "The JWT as Authorization: Bearer; or an access key (ak_...) as Authorization: Bearer, when no JWT is sent"),
            "accesskey-cookie", apiKey(SecurityScheme.In.COOKIE, "accesskey", "An access key, when no JWT is sent"),
            "accesskey-query",
                    apiKey(SecurityScheme.In.QUERY, "accesskey", "An access key as ?accesskey=, when no JWT is sent")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.info(OASFactory.createInfo()
                .title("agentbin")
                .version("1.0")
                .description("VoIPBIN-compatible Agent API with ring-all dispatch. Every failure answers in the error"
                        + " envelope; each operation lists the reasons it may carry. The events a customer's webhook"
                        + " receives are under webhooks. How this document is made: docs/api-description.md."));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        CREDENTIALS.forEach(components::addSecurityScheme);
        CREDENTIALS.keySet().stream()
                .sorted()
                .forEach(name -> openAPI.addSecurityRequirement(
                        OASFactory.createSecurityRequirement().addScheme(name)));
        // Every enum the API carries is a WireEnum: its JSON form is the constant's lower-case name.
        components.getSchemas().values().stream()
                .filter(schema -> schema.getEnumeration() != null)
                .forEach(schema -> schema.setEnumeration(schema.getEnumeration().stream()
                        .map(value -> value instanceof String name ? name.toLowerCase(Locale.ROOT) : value)
                        .toList()));
        addPaging(components);
        uuidPathIds(openAPI);
        ErrorResponses.addTo(openAPI);
        EventWebhooks.addTo(openAPI);
    }

    /** The agent, access-key and tag lists page alike (core agent/AgentListQuery, PageCursor). */
    private static void addPaging(Components components) {
        int max = AgentListQuery.MAX_PAGE_SIZE;
        components.addParameter(
                PAGE_SIZE,
                OASFactory.createParameter()
                        .name(PAGE_SIZE)
                        .in(Parameter.In.QUERY)
                        .description(
                                "How many per page, 1 to " + max + "; absent, 0, negative or more means " + max + ".")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .defaultValue(max)));
        components.addParameter(
                PAGE_TOKEN,
                OASFactory.createParameter()
                        .name(PAGE_TOKEN)
                        .in(Parameter.In.QUERY)
                        .description(
                                "The previous page's next_page_token (absent: the first page). Pages are newest first;"
                                        + " every non-empty page has a next_page_token, and an empty page ends the list.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }

    /** Every {id} in a path is parsed as a UUID before anything else (core common/Ids.pathId). */
    private static void uuidPathIds(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(path -> path.getOperations().values().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().stream()
                                .filter(p -> p.getIn() == Parameter.In.PATH && "id".equals(p.getName()))
                                .forEach(p -> p.description(
                                                p.getDescription() != null ? p.getDescription() : "The id, a UUID.")
                                        .schema(OASFactory.createSchema()
                                                .addType(Schema.SchemaType.STRING)
                                                .format("uuid")));
                    }
                }));
    }

    private static SecurityScheme apiKey(SecurityScheme.In in, String name, String description) {
        return OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(in)
                .name(name)
                .description(description);
    }
}
