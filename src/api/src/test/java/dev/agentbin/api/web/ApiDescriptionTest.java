package dev.agentbin.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.agentbin.event.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a client generator and its users need of every operation in openapi/openapi.yaml (kept current by
 * OpenApiDocumentTest): a route added without saying what it is fails here, not in a client team's build.
 * The reasons listed are the code's own: each is thrown somewhere in the main sources.
 */
class ApiDescriptionTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern REASON = Pattern.compile("`([A-Z][A-Z_]+)`");

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = YAML.readTree(OpenApiDocumentTest.COMMITTED.toFile());
    }

    @Test
    void everyOperationHasAnIdATagASummaryAndADescription() {
        Set<String> tags = new HashSet<>();
        document.path("tags").forEach(tag -> {
            if (!tag.path("description").asText().isBlank()) {
                tags.add(tag.path("name").asText());
            }
        });
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        operations().forEach((name, operation) -> {
            String id = operation.path("operationId").asText();
            if (!id.matches("[a-z]+[A-Za-z]*") || !ids.add(id)) {
                problems.add(name + ": operationId '" + id + "' is not a unique camelCase name");
            }
            if (operation.path("tags").size() != 1
                    || !tags.contains(operation.path("tags").get(0).asText())) {
                problems.add(name + ": not one tag among the described ones " + tags);
            }
            for (String field : List.of("summary", "description")) {
                if (operation.path(field).asText().isBlank()) {
                    problems.add(name + ": no " + field);
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyParameterIsDescribedAndTyped() {
        List<String> problems = new ArrayList<>();
        operations()
                .forEach((name, operation) -> operation.path("parameters").forEach(parameter -> {
                    JsonNode resolved = resolve(parameter);
                    if (resolved.path("description").asText().isBlank()
                            || (!resolved.has("schema") && !resolved.has("content"))) {
                        problems.add(name + ": parameter "
                                + resolved.path("name").asText() + " lacks a description or a schema");
                    }
                }));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyErrorAnswerIsTheEnvelopeWithItsReasons() {
        List<String> problems = new ArrayList<>();
        operations()
                .forEach((name, operation) -> operation
                        .path("responses")
                        .fields()
                        .forEachRemaining(answer -> {
                            String status = answer.getKey();
                            if (!status.matches("[45]\\d\\d")) {
                                return;
                            }
                            JsonNode response = resolve(answer.getValue());
                            if (!response.path("content")
                                    .path("application/json")
                                    .path("schema")
                                    .path("$ref")
                                    .asText()
                                    .endsWith("/ErrorEnvelope")) {
                                problems.add(name + " " + status + ": not the error envelope");
                            }
                            if (!REASON.matcher(response.path("description").asText())
                                    .find()) {
                                problems.add(name + " " + status + ": names no reason");
                            }
                            if ((status.equals("429") || status.equals("503"))
                                    && !response.path("headers").has("Retry-After")) {
                                problems.add(name + " " + status + ": no Retry-After");
                            }
                        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyReasonListedIsOneTheCodeThrows() throws IOException {
        Set<String> listed = new TreeSet<>();
        Matcher reasons = REASON.matcher(document.toString());
        while (reasons.find()) {
            listed.add(reasons.group(1));
        }
        String code = mainSources();
        Set<String> unknown = listed.stream()
                .filter(reason -> !code.contains("\"" + reason + "\""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unknown, "reasons the document lists that no main source throws");
    }

    @Test
    void everyEventTypeIsAWebhookWithItsEnvelope() {
        Set<String> types =
                Arrays.stream(EventType.values()).map(EventType::wire).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(types, names(document.path("webhooks")));
        document.path("webhooks").fields().forEachRemaining(webhook -> {
            JsonNode post = webhook.getValue().path("post");
            JsonNode body = resolve(post.path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema"));
            Set<String> envelope = webhook.getKey().equals(EventType.AGENT_STATUS_UPDATED.wire())
                    ? Set.of("id", "type", "time", "sequence", "cause", "data")
                    : Set.of("id", "type", "time", "sequence", "data");
            assertEquals(envelope, names(body.path("properties")), webhook.getKey());
            assertEquals(
                    webhook.getKey(),
                    body.path("properties").path("type").path("enum").get(0).asText());
            Set<String> headers = new TreeSet<>();
            post.path("parameters")
                    .forEach(header -> headers.add(header.path("name").asText()));
            assertEquals(Set.of("webhook-id", "webhook-timestamp", "webhook-signature"), headers, webhook.getKey());
        });
    }

    /** "METHOD /path" to its operation. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    if (METHODS.contains(method.getKey())) {
                        operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                }));
        return operations;
    }

    private static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        String[] ref = node.get("$ref").asText().substring(2).split("/");
        JsonNode target = document;
        for (String part : ref) {
            target = target.path(part);
        }
        return resolve(target);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every module's main Java sources, as one text. */
    private static String mainSources() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            return modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(root -> {
                        try {
                            return Files.walk(root)
                                    .filter(file -> file.toString().endsWith(".java"))
                                    .toList()
                                    .stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(file -> {
                        try {
                            return Files.readString(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.joining("\n"));
        }
    }
}
