package dev.agentbin.api.agent;

import static dev.agentbin.api.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input on every route is a 4xx with the error envelope, never a 500. */
@QuarkusTest
class AgentValidationTest {

    @Inject
    TestAgents seeds;

    TestAgents.Seeded admin;
    String target;

    @BeforeEach
    void seed() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        target = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT).id().toString();
    }

    static Stream<Arguments> badCreateFields() {
        return Stream.of(
                Arguments.of("username", "not-an-email", "username must be an email address"),
                Arguments.of("username", "", "username is required"),
                Arguments.of("username", null, "username is required"),
                Arguments.of("username", "a".repeat(250) + "@example.com", "username is at most 255 characters"),
                Arguments.of("password", "short", "password must be 8 to 72 characters"),
                Arguments.of("password", null, "password must be 8 to 72 characters"),
                Arguments.of("password", "p".repeat(73), "password must be 8 to 72 characters"),
                Arguments.of("name", "n".repeat(256), "name is at most 255 characters"),
                Arguments.of("detail", "d".repeat(4097), "detail is at most 4096 characters"),
                Arguments.of("ring_method", "roundrobin", "unknown ring_method"),
                Arguments.of("ring_method", 5, "unknown ring_method"),
                Arguments.of("permission", -1, "permission must be between 0 and 65535"),
                Arguments.of("wrapup_seconds", 4000, "wrapup_seconds must be between 0 and 3600"),
                Arguments.of("max_no_answer", -2, "max_no_answer must be between 0 and 100"),
                Arguments.of("permission", 65536, "permission must be between 0 and 65535"),
                Arguments.of("permission", "admin", "permission"),
                Arguments.of("tag_ids", List.of("not-a-uuid"), "tag_ids"),
                Arguments.of(
                        "tag_ids", List.of("00000000-0000-0000-0000-000000000000"), "tag_ids holds at most 100 ids"),
                Arguments.of(
                        "tag_ids",
                        IntStream.range(0, 101)
                                .mapToObj(i -> UUID.randomUUID().toString())
                                .toList(),
                        "tag_ids holds at most 100"),
                Arguments.of("tag_ids", "not-a-list", "tag_ids"),
                Arguments.of(
                        "addresses", List.of(Map.of("type", "fax", "target", "+15550100")), "unknown address type"),
                Arguments.of("addresses", List.of(Map.of("target", "+15550100")), "type is required"),
                Arguments.of("addresses", List.of(Map.of("type", "tel")), "target is required"),
                Arguments.of("addresses", List.of(Map.of("type", "tel", "target", "12345")), "tel must be E.164"),
                Arguments.of("addresses", List.of(Map.of("type", "tel", "target", "call me")), "tel must be E.164"),
                Arguments.of(
                        "addresses", List.of(Map.of("type", "sip", "target", "no-at-sign")), "sip must be user@host"),
                Arguments.of(
                        "addresses", List.of(Map.of("type", "extension", "target", "has space")), "extension must be"),
                Arguments.of(
                        "addresses",
                        List.of(
                                Map.of("type", "tel", "target", "+15550100999"),
                                Map.of("type", "tel", "target", "+1 555 0100 999")),
                        "no address twice"),
                Arguments.of(
                        "addresses",
                        List.of(Map.of("type", "tel", "target", "+15550100999", "name", "x".repeat(256))),
                        "name is at most 255 characters"));
    }

    @ParameterizedTest(name = "create with {0}={1}")
    @MethodSource("badCreateFields")
    void createRejectsBadField(String field, Object value, String message) {
        Map<String, Object> body = new HashMap<>(AgentCrudTest.createBody(AgentCrudTest.email(), List.of()));
        body.put(field, value);
        as(admin)
                .body(body)
                .post("/v1.0/agents")
                .then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.message", containsString(message))
                .body("error.request_id", notNullValue());
    }

    @Test
    void boundaryValuesAreAccepted() {
        Map<String, Object> body = new HashMap<>(AgentCrudTest.createBody(AgentCrudTest.email(), List.of()));
        body.put("name", "n".repeat(255));
        body.put("password", "p".repeat(8));
        body.put(
                "tag_ids",
                IntStream.range(0, 100)
                        .mapToObj(i -> UUID.randomUUID().toString())
                        .toList());
        as(admin).body(body).post("/v1.0/agents").then().statusCode(200);
    }

    static Stream<Arguments> badUpdates() {
        return Stream.of(
                Arguments.of("", Map.of("name", "n".repeat(256)), "name is at most 255"),
                Arguments.of("", Map.of("ring_method", "sequential"), "unknown ring_method"),
                Arguments.of("", Map.of("wrapup_seconds", -1), "wrapup_seconds must be between 0 and 3600"),
                Arguments.of("", Map.of("wrapup_seconds", 3601), "wrapup_seconds must be between 0 and 3600"),
                Arguments.of("", Map.of("max_no_answer", 101), "max_no_answer must be between 0 and 100"),
                Arguments.of("/status", Map.of("status", "lunch"), "unknown status"),
                Arguments.of("/status", Map.of("status", ""), "unknown status"),
                Arguments.of("/status", Map.of(), "status is required"),
                Arguments.of("/status", Map.of("status", "ringing"), "ring-all dispatch only"),
                Arguments.of("/permission", Map.of(), "permission is required"),
                Arguments.of("/permission", Map.of("permission", 1.5), "permission"),
                Arguments.of("/permission", Map.of("permission", 70000), "between 0 and 65535"),
                Arguments.of("/password", Map.of(), "password must be 8 to 72"),
                Arguments.of("/password", Map.of("password", ""), "password must be 8 to 72"),
                Arguments.of("/password", Map.of("password", 12345678), "password: has the wrong type or format"),
                Arguments.of("/tag_ids", Map.of("tag_ids", List.of("x")), "tag_ids"),
                Arguments.of(
                        "/addresses", Map.of("addresses", List.of(Map.of("type", "tel", "target", "+1"))), "E.164"),
                Arguments.of("/addresses", Map.of("addresses", "tel"), "addresses"));
    }

    @ParameterizedTest(name = "PUT /agents/ID{0} with {1}")
    @MethodSource("badUpdates")
    void updatesRejectBadFields(String suffix, Map<String, Object> body, String message) {
        as(admin)
                .body(body)
                .put("/v1.0/agents/" + target + suffix)
                .then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.message", containsString(message));
    }

    @ParameterizedTest(name = "PUT /service_agents/me{0} with {1}")
    @MethodSource("badSelfUpdates")
    void selfServiceRejectsBadFields(String suffix, Map<String, Object> body, String message) {
        as(admin)
                .body(body)
                .put("/v1.0/service_agents/me" + suffix)
                .then()
                .statusCode(400)
                .body("error.message", containsString(message));
    }

    static Stream<Arguments> badSelfUpdates() {
        return Stream.of(
                Arguments.of("", Map.of("detail", "d".repeat(4097)), "detail is at most 4096"),
                Arguments.of("/status", Map.of("status", "gone"), "unknown status"),
                Arguments.of("/password", Map.of("password", "1234567"), "password must be 8 to 72"),
                Arguments.of(
                        "/addresses",
                        Map.of("addresses", List.of(Map.of("type", "sip", "target", "@"))),
                        "sip must be"));
    }

    @ParameterizedTest(name = "{0} {1} with malformed JSON")
    @MethodSource("bodyRoutes")
    void malformedJsonIs400OnEveryBodyRoute(String method, String path) {
        as(admin)
                .body("{\"name\": ")
                .request(method, path.replace("{id}", target))
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_JSON_BODY"));
        as(admin)
                .request(method, path.replace("{id}", target))
                .then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
        as(admin)
                .body("[1,2]")
                .request(method, path.replace("{id}", target))
                .then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    static Stream<Arguments> bodyRoutes() {
        return Stream.of(
                Arguments.of("POST", "/v1.0/agents"),
                Arguments.of("PUT", "/v1.0/agents/{id}"),
                Arguments.of("PUT", "/v1.0/agents/{id}/addresses"),
                Arguments.of("PUT", "/v1.0/agents/{id}/tag_ids"),
                Arguments.of("PUT", "/v1.0/agents/{id}/status"),
                Arguments.of("PUT", "/v1.0/agents/{id}/permission"),
                Arguments.of("PUT", "/v1.0/agents/{id}/password"),
                Arguments.of("PUT", "/v1.0/service_agents/me"),
                Arguments.of("PUT", "/v1.0/service_agents/me/addresses"),
                Arguments.of("PUT", "/v1.0/service_agents/me/status"),
                Arguments.of("PUT", "/v1.0/service_agents/me/password"));
    }

    @ParameterizedTest(name = "invalid id {0}")
    @ValueSource(
            strings = {
                "not-a-uuid",
                "123",
                "00000000-0000-0000-0000-000000000000",
                "0c5a7f10-1c1e-11ee-be56-0242ac12000"
            })
    void invalidPathIdsAre400(String id) {
        as(admin).get("/v1.0/agents/" + id).then().statusCode(400).body("error.reason", equalTo("INVALID_ID"));
        as(admin).delete("/v1.0/agents/" + id).then().statusCode(400).body("error.reason", equalTo("INVALID_ID"));
        as(admin)
                .body(Map.of("status", "away"))
                .put("/v1.0/agents/" + id + "/status")
                .then()
                .statusCode(400);
    }

    @Test
    void unknownAgentIs404() {
        as(admin)
                .get("/v1.0/agents/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("error.reason", equalTo("AGENT_NOT_FOUND"));
    }

    @Test
    void oversizedBodyIs413() {
        Map<String, Object> body = new HashMap<>(AgentCrudTest.createBody(AgentCrudTest.email(), List.of()));
        body.put("detail", "d".repeat(70 * 1024));
        as(admin)
                .body(body)
                .post("/v1.0/agents")
                .then()
                .statusCode(413)
                .body("error.reason", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void unknownRoutesAndMethodsAre404RouteNotFound() {
        as(admin).get("/v1.0/nothing-here").then().statusCode(404).body("error.reason", equalTo("ROUTE_NOT_FOUND"));
        as(admin)
                .body(Map.of())
                .patch("/v1.0/agents/" + target)
                .then()
                .statusCode(404)
                .body("error.reason", equalTo("ROUTE_NOT_FOUND"));
    }

    @Test
    void nonJsonContentTypeIs415() {
        as(admin)
                .contentType("text/plain")
                .body("hello")
                .post("/v1.0/agents")
                .then()
                .statusCode(415)
                .body("error.reason", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @ParameterizedTest(name = "list with {0}={1}")
    @MethodSource("badListParameters")
    void listRejectsBadParameters(String name, String value, String reason) {
        as(admin)
                .urlEncodingEnabled(false)
                .get("/v1.0/agents?" + name + "=" + value)
                .then()
                .statusCode(400)
                .body("error.reason", equalTo(reason));
    }

    static Stream<Arguments> badListParameters() {
        return Stream.of(
                Arguments.of("page_size", "ten", "INVALID_REQUEST_PARAMETER"),
                Arguments.of("page_token", "yesterday", "INVALID_PAGE_TOKEN"),
                Arguments.of("page_token", "2026-01-01T00:00:00.000000Z_nope", "INVALID_PAGE_TOKEN"),
                Arguments.of("status", "sleeping", "INVALID_ARGUMENT"),
                Arguments.of("tag_ids", "", "INVALID_TAG_IDS"),
                Arguments.of("tag_ids", ",", "INVALID_TAG_IDS"),
                Arguments.of("tag_ids", "00000000-0000-0000-0000-000000000000", "INVALID_TAG_IDS"),
                Arguments.of(
                        "tag_ids",
                        String.join(
                                ",",
                                IntStream.range(0, 101)
                                        .mapToObj(i -> UUID.randomUUID().toString())
                                        .toList()),
                        "INVALID_TAG_IDS"));
    }

    @Test
    void pageSizeOutOfRangeFallsBackTo100AndAReferenceStyleTokenIsAccepted() {
        TestAgents.Seeded crowded = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        seeds.seedMany(crowded.customerId(), 101);
        for (int outOfRange : new int[] {0, 1000}) {
            as(crowded)
                    .queryParam("page_size", outOfRange)
                    .get("/v1.0/agents")
                    .then()
                    .statusCode(200)
                    .body("result.size()", equalTo(100))
                    .body("next_page_token", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
        }
        as(crowded)
                .queryParam("page_size", 5)
                .get("/v1.0/agents")
                .then()
                .statusCode(200)
                .body("result.size()", equalTo(5));
        as(admin)
                .queryParam("page_token", "2999-01-01T00:00:00.000000Z")
                .get("/v1.0/agents")
                .then()
                .statusCode(200)
                .body("result.size()", equalTo(2));
    }
}
