package dev.agentbin.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent paths and schemas of agentbin's document (openapi/openapi.yaml, kept current by
 * OpenApiDocumentTest) against the reference's published document (test resource reference-openapi/, MIT):
 * every difference is one listed in reference-openapi/deliberate-differences.yaml, with its reason, and
 * every listed one still is a difference.
 */
class ReferenceOpenApiTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static JsonNode ours;
    private static JsonNode reference;
    private static JsonNode deliberate;

    @BeforeAll
    static void read() throws IOException {
        ours = YAML.readTree(OpenApiDocumentTest.COMMITTED.toFile());
        reference = resource("voipbin-agent-openapi.yaml");
        deliberate = resource("deliberate-differences.yaml");
    }

    @Test
    void everyReferenceOperationIsServedAndEveryAddedOneIsExplained() {
        Set<String> referenceOps = operations(reference, "");
        Set<String> ourOps = new TreeSet<>();
        for (String op : operations(ours, "")) {
            String path = op.substring(op.indexOf(' ') + 1);
            String unversioned = path.startsWith("/v1.0/") ? path.substring("/v1.0".length()) : path;
            if (unversioned.matches("/(agents|me|service_agents|auth/password-).*|/auth/login")) {
                ourOps.add(op.substring(0, op.indexOf(' ') + 1) + unversioned);
            }
        }
        assertSameDifference("operations_not_served", minus(referenceOps, ourOps));
        assertSameDifference("operations_added", minus(ourOps, referenceOps));
    }

    @Test
    void theAgentCarriesTheReferenceFields() {
        Set<String> referenceFields =
                names(schema(reference, "AgentManagerAgent").path("properties"));
        Set<String> ourFields = names(schema(ours, "Agent").path("properties"));
        assertSameDifference("agent_fields_not_sent", minus(referenceFields, ourFields));
        assertSameDifference("agent_fields_added", minus(ourFields, referenceFields));
        assertSameDifference(
                "address_fields_added",
                minus(
                        names(schema(ours, "Address").path("properties")),
                        names(schema(reference, "CommonAddress").path("properties"))));
        assertTrue(minus(
                        names(schema(reference, "CommonAddress").path("properties")),
                        names(schema(ours, "Address").path("properties")))
                .isEmpty());
    }

    @Test
    void requestBodiesReadTheReferenceFields() {
        Map<String, Set<String>> notRead = new LinkedHashMap<>();
        Map<String, Set<String>> added = new LinkedHashMap<>();
        for (String op : operations(reference, "")) {
            JsonNode referenceBody = requestSchema(reference, op, "");
            if (referenceBody == null) {
                continue;
            }
            String path = op.substring(op.indexOf(' ') + 1);
            JsonNode ourBody = requestSchema(ours, op, path.startsWith("/auth/") ? "" : "/v1.0");
            if (ourBody == null) {
                continue;
            }
            Set<String> theirs = names(referenceBody.path("properties"));
            Set<String> mine = names(ourBody.path("properties"));
            if (!minus(theirs, mine).isEmpty()) {
                notRead.put(op, minus(theirs, mine));
            }
            if (!minus(mine, theirs).isEmpty()) {
                added.put(op, minus(mine, theirs));
            }
        }
        assertEquals(
                listed("request_fields_not_read"), notRead, "request fields the reference reads and agentbin does not");
        assertEquals(listed("request_fields_added"), added, "request fields agentbin reads and the reference does not");
    }

    @Test
    void enumsHaveTheReferenceValues() {
        Set<String> referenceStatuses = values(schema(reference, "AgentManagerAgentStatus"));
        Set<String> ourStatuses = values(schema(ours, "AgentStatus"));
        assertSameDifference("status_values_refused", minus(referenceStatuses, ourStatuses));
        assertEquals(Set.of(), minus(ourStatuses, referenceStatuses));
        assertEquals(values(schema(reference, "AgentManagerAgentRingMethod")), values(schema(ours, "RingMethod")));
    }

    private static void assertSameDifference(String key, Set<String> actual) {
        assertEquals(names(deliberate.path(key)), actual, key + " in deliberate-differences.yaml");
    }

    private static Map<String, Set<String>> listed(String key) {
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        deliberate.path(key).fields().forEachRemaining(e -> listed.put(e.getKey(), names(e.getValue())));
        return listed;
    }

    /** "METHOD /path" of every operation, the path with the prefix taken off. */
    private static Set<String> operations(JsonNode document, String prefix) {
        Set<String> ops = new TreeSet<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        ops.add(method.toUpperCase() + " " + path.getKey().substring(prefix.length()));
                    }
                }));
        return ops;
    }

    private static JsonNode requestSchema(JsonNode document, String op, String prefix) {
        String method = op.substring(0, op.indexOf(' ')).toLowerCase();
        String path = prefix + op.substring(op.indexOf(' ') + 1);
        JsonNode schema = document.path("paths")
                .path(path)
                .path(method)
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        return schema.isMissingNode() ? null : resolve(document, schema);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        return schema.has("$ref")
                ? resolve(document, schema(document, schema.get("$ref").asText().replaceAll(".*/", "")))
                : schema;
    }

    private static JsonNode schema(JsonNode document, String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        assertTrue(!schema.isMissingNode(), "no schema " + name);
        return schema;
    }

    private static Set<String> values(JsonNode schema) {
        Set<String> values = new TreeSet<>();
        schema.path("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> difference = new TreeSet<>(a);
        difference.removeAll(b);
        return difference;
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = ReferenceOpenApiTest.class.getResourceAsStream("/reference-openapi/" + name)) {
            return YAML.readTree(in);
        }
    }
}
