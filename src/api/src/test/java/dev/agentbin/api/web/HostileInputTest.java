package dev.agentbin.api.web;

import static dev.agentbin.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression tests for the client mistakes that used to answer 500, 2xx, or outside the envelope. */
@QuarkusTest
class HostileInputTest {

    @Inject
    TestAgents seeds;

    TestAgents.Seeded admin;
    String agent;

    @BeforeEach
    void seed() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        agent = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT).id().toString();
    }

    static ValidatableResponse isEnvelope(ValidatableResponse response, int status, String reason) {
        return response.statusCode(status)
                .contentType(containsString("json"))
                .body("error.reason", equalTo(reason))
                .body("error.request_id", notNullValue());
    }

    @ParameterizedTest(name = "NUL in {0}")
    @ValueSource(
            strings = {
                "{\"username\":\"a@example.com\",\"password\":\"a-long-password\",\"name\":\"x\\u0000y\"}",
                "{\"username\":\"a@example.com\",\"password\":\"a-long-password\",\"detail\":\"\\u0000\"}",
                "{\"username\":\"a\\u0000@example.com\",\"password\":\"a-long-password\"}",
                "{\"username\":\"a@example.com\",\"password\":\"a-long-pass\\u0000word\"}",
                "{\"username\":\"a@example.com\",\"password\":\"a-long-password\",\"addresses\":[{\"type\":\"sip\",\"target\":\"us\\u0000er@pbx.example.com\"}]}",
                "{\"username\":\"a@example.com\",\"password\":\"a-long-password\",\"addresses\":[{\"type\":\"tel\",\"target\":\"+15550100123\",\"detail\":\"\\u0000\"}]}"
            })
    void aNulInAnyTextOfABodyIs400(String body) {
        isEnvelope(as(admin).body(body).post("/v1.0/agents").then(), 400, "INVALID_ARGUMENT")
                .body("error.message", containsString("NUL"));
    }

    @Test
    void aNulInTheLoginUsernameOrARingRequestIs400() {
        isEnvelope(
                given().contentType("application/json")
                        .body("{\"username\":\"admin\\u0000@example.com\",\"password\":\"whatever-it-is\"}")
                        .post("/auth/login")
                        .then(),
                400,
                "INVALID_ARGUMENT");
        for (String field : new String[] {"source", "reference_id", "join_target"}) {
            String body = ("{\"agent_id\":\"" + agent + "\",\"source\":\"+15550100000\",\"" + field
                            + "\":\"a\\u0000b\"}")
                    .replace("\"source\":\"+15550100000\",\"source\"", "\"source\"");
            isEnvelope(as(admin).body(body).post("/v1.0/agentcalls").then(), 400, "INVALID_ARGUMENT");
        }
    }

    @Test
    void aNulInAQueryParameterOrPathIs400() {
        isEnvelope(as(admin).urlEncodingEnabled(false).get("/v1.0/agents/%00").then(), 400, "INVALID_ARGUMENT");
        isEnvelope(
                as(admin)
                        .urlEncodingEnabled(false)
                        .get("/v1.0/agents?status=away%00")
                        .then(),
                400,
                "INVALID_ARGUMENT");
        isEnvelope(
                        as(admin)
                                .urlEncodingEnabled(false)
                                .get("/v1.0/agents?page_token=2024-01-01T00:00:00Z%00")
                                .then(),
                        400,
                        "INVALID_ARGUMENT")
                .body("error.message", containsString("NUL"));
    }

    @ParameterizedTest(name = "duplicate keys on {0}")
    @ValueSource(strings = {"/status", "/permission", "/password"})
    void duplicateKeysAre400(String route) {
        String body = switch (route) {
            case "/status" -> "{\"status\":\"away\",\"status\":\"away\"}";
            case "/permission" -> "{\"permission\":16,\"permission\":16}";
            default -> "{\"password\":\"a-long-password\",\"password\":\"a-long-password\"}";
        };
        isEnvelope(as(admin).body(body).put("/v1.0/agents/" + agent + route).then(), 400, "INVALID_JSON_BODY");
        isEnvelope(
                given().contentType("application/json")
                        .body(
                                "{\"username\":\"a@example.com\",\"username\":\"a@example.com\",\"password\":\"x-long-password\"}")
                        .post("/auth/login")
                        .then(),
                400,
                "INVALID_JSON_BODY");
    }

    @ParameterizedTest(name = "page_token {0}")
    @ValueSource(
            strings = {
                "+300000-01-01T00:00:00Z",
                "-5000-01-01T00:00:00Z",
                "+300000-01-01T00:00:00.000000Z_5e4a0680-804e-11ec-8477-2fea5968d85b"
            })
    void pageTokensOutsideTheDatabaseRangeAre400(String token) {
        isEnvelope(as(admin).queryParam("page_token", token).get("/v1.0/agents").then(), 400, "INVALID_PAGE_TOKEN");
    }

    @ParameterizedTest(name = "trailing: {0}")
    @ValueSource(
            strings = {
                "{\"status\":\"away\"} garbage",
                "{\"status\":\"away\"}{\"status\":\"busy\"}",
                "{\"status\":\"away\"}]"
            })
    void trailingTokensAfterTheBodyAre400(String body) {
        as(admin)
                .body(body)
                .put("/v1.0/agents/" + agent + "/status")
                .then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.reason", org.hamcrest.Matchers.oneOf("INVALID_JSON_BODY", "INVALID_ARGUMENT"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "offline", seeds.reload(UUID.fromString(agent)).status.wire());
    }

    @ParameterizedTest(name = "\"\" for {0}")
    @ValueSource(strings = {"permission", "wrapup_seconds", "max_no_answer", "customer_id"})
    void anEmptyStringIsNoNumberOrId(String field) {
        String body = "{\"username\":\"" + UUID.randomUUID() + "@example.com\",\"password\":\"a-long-password\",\""
                + field + "\":\"\"}";
        isEnvelope(as(admin).body(body).post("/v1.0/agents").then(), 400, "INVALID_ARGUMENT")
                .body("error.message", containsString(field));
        isEnvelope(
                as(admin)
                        .body("{\"agent_id\":\"" + agent + "\",\"source\":\"+15550100000\",\"ring_timeout\":\"\"}")
                        .post("/v1.0/agentcalls")
                        .then(),
                400,
                "INVALID_ARGUMENT");
    }

    @Test
    void enumsGivenAsNumbersAre400() {
        isEnvelope(
                as(admin)
                        .body("{\"status\":1}")
                        .put("/v1.0/agents/" + agent + "/status")
                        .then(),
                400,
                "INVALID_ARGUMENT");
        isEnvelope(
                as(admin)
                        .body("{\"addresses\":[{\"type\":0,\"target\":\"+15550100123\"}]}")
                        .put("/v1.0/agents/" + agent + "/addresses")
                        .then(),
                400,
                "INVALID_ARGUMENT");
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        isEnvelope(
                given().header("Authorization", "Bearer " + admin.token())
                        .body("{\"status\":\"away\"}".getBytes(StandardCharsets.UTF_8))
                        .put("/v1.0/agents/" + agent + "/status")
                        .then(),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        isEnvelope(
                given().body("{\"username\":\"a@example.com\",\"password\":\"a-long-password\"}"
                                .getBytes(StandardCharsets.UTF_8))
                        .post("/auth/login")
                        .then(),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aLongUriIs414InTheEnvelope() {
        isEnvelope(as(admin).get("/v1.0/agents?page_token=" + "a".repeat(4050)).then(), 414, "URI_TOO_LONG");
        isEnvelope(given().get("/v1.0/agents/" + "a".repeat(4050)).then(), 414, "URI_TOO_LONG");
    }

    @Test
    void largeHeadersAre431InTheEnvelope() {
        isEnvelope(
                as(admin)
                        .header("X-Padding", "p".repeat(20_000))
                        .get("/v1.0/me")
                        .then(),
                431,
                "HEADERS_TOO_LARGE");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413InTheEnvelope() {
        byte[] big = ("{\"name\":\"" + "n".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        isEnvelope(
                as(admin)
                        .body(new ByteArrayInputStream(big))
                        .put("/v1.0/agents/" + agent)
                        .then(),
                413,
                "PAYLOAD_TOO_LARGE");
        isEnvelope(as(admin).body(big).put("/v1.0/agents/" + agent).then(), 413, "PAYLOAD_TOO_LARGE");
    }
}
