package dev.agentbin.api.observe;

import static dev.agentbin.api.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.agent.AnswerConfirmation;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.observe.LogContext;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.testing.Await;
import dev.agentbin.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an on-call engineer reads of a ring (docs/operations.md, "Metrics"): its metric lines, in CloudWatch's
 * Embedded Metric Format, with the right values, and log lines that all carry the agentcall's id, those
 * written on the executor threads that originate and hang up legs and on the provider webhook's included.
 */
@QuarkusTest
class RingObservabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestAgents seeds;

    @Inject
    SimulatorProvider simulator;

    TestAgents.Seeded admin;

    @BeforeEach
    void seed() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
    }

    @Test
    void anAnsweredRingEmitsItsOutcomeItsTimeToAnswerAndItsOriginatedLegs() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer"), sip("sim:answer:300")), 0, 3);
        try (LogCapture log = LogCapture.start()) {
            String id = ring(agent);
            JsonPath answered = awaitStatus(id, "answered");

            List<JsonNode> metrics = metricsOf(log, id);
            JsonNode outcome = one(metrics, "AgentCalls");
            assertEquals("answered", outcome.get("Outcome").asText());
            assertEquals("answered", outcome.get("EndReason").asText());
            assertEquals(
                    List.of(List.of(), List.of("Outcome"), List.of("Outcome", "EndReason")), dimensionSets(outcome));
            assertEquals(agent.toString(), outcome.get(LogContext.AGENT_ID).asText(), "ids ride along as properties");

            JsonNode timeToAnswer = one(metrics, "TimeToAnswer");
            assertEquals(
                    "Milliseconds",
                    timeToAnswer.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText());
            long expected = java.time.Duration.between(
                            java.time.Instant.parse(answered.getString("tm_create")),
                            java.time.Instant.parse(answered.getString("tm_answer")))
                    .toMillis();
            assertEquals(expected, timeToAnswer.get("TimeToAnswer").asLong(), "claim to the winning answer");
            assertTrue(expected >= 300, "the sip leg answers after 300 ms: " + expected);

            List<JsonNode> originated = all(metrics, "LegsOriginated");
            assertEquals(2, originated.size());
            originated.forEach(
                    leg -> assertEquals("simulator", leg.get("Provider").asText()));
            assertTrue(all(metrics, "LegsFailed").isEmpty());
        }
    }

    @Test
    void aFailedOriginationIsCountedWithTheProvidersErrorClassAndLoggedWithItsIds() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:fail")), 0, 3);
        try (LogCapture log = LogCapture.start()) {
            String id = ring(agent);
            JsonPath failed = awaitStatus(id, "failed");
            String legId = failed.getString("legs[0].id");

            List<JsonNode> metrics = metricsOf(log, id);
            JsonNode leg = one(metrics, "LegsFailed");
            assertEquals("simulator", leg.get("Provider").asText());
            assertEquals("refused", leg.get("ErrorClass").asText());
            assertEquals(legId, leg.get(LogContext.LEG_ID).asText());
            JsonNode outcome = one(metrics, "AgentCalls");
            assertEquals("failed", outcome.get("Outcome").asText());
            assertEquals("every origination failed", outcome.get("EndReason").asText());

            LogCapture.Line warning = Await.until(
                            "the failed leg's log line",
                            () -> log.lines().stream()
                                    .filter(line -> line.message().contains("not originated"))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertTrue(warning.level().intValue() >= Level.WARNING.intValue(), warning.toString());
            assertTrue(warning.message().contains(legId) && warning.message().contains(id), warning.message());
            assertEquals(id, warning.mdc().get(LogContext.AGENTCALL_ID));
            assertEquals(legId, warning.mdc().get(LogContext.LEG_ID));
        }
    }

    @Test
    void answerConfirmationOutcomesAreCounted() {
        UUID agent =
                seeds.seedRingable(admin.customerId(), List.of(sip("sim:machine:100"), sip("sim:answer:400")), 0, 3);
        seeds.setAnswerConfirmation(agent, AnswerConfirmation.MACHINE_DETECTION);
        try (LogCapture log = LogCapture.start()) {
            String id = ring(agent);
            awaitStatus(id, "answered");
            List<JsonNode> confirmations = all(metricsOf(log, id), "Confirmations");
            assertEquals(
                    List.of("confirmed", "machine"),
                    confirmations.stream()
                            .map(c -> c.get("Result").asText())
                            .sorted()
                            .toList());
        }
    }

    @Test
    void everyLogLineOfARingCarriesItsAgentcallIdOnEveryThread() {
        UUID agent = seeds.seedRingable(
                admin.customerId(), List.of(sip("sim:no-answer"), sip("sim:answer:200"), sip("sim:busy:100")), 0, 3);
        try (LogCapture log = LogCapture.start()) {
            String id = ring(agent);
            JsonPath answered = awaitStatus(id, "answered");
            List<String> legIds = answered.getList("legs.id");
            simulator.hangup(answered.getString("legs[1].provider_call_id"));
            awaitStatus(id, "completed");
            Await.until("the last metric line", () -> all(metricsOf(log, id), "AgentCalls"), calls -> !calls.isEmpty());

            List<LogCapture.Line> ofTheRing = log.lines().stream()
                    .filter(line -> line.message().contains(id)
                            || legIds.stream().anyMatch(line.message()::contains)
                            || id.equals(line.mdc().get(LogContext.AGENTCALL_ID)))
                    .toList();
            for (LogCapture.Line line : ofTheRing) {
                assertEquals(id, line.mdc().get(LogContext.AGENTCALL_ID), "no agentcall_id: " + line);
                assertEquals(agent.toString(), line.mdc().get(LogContext.AGENT_ID), line.toString());
                assertEquals(admin.customerId().toString(), line.mdc().get(LogContext.CUSTOMER_ID), line.toString());
            }
            for (String legId : legIds) {
                LogCapture.Line origination = ofTheRing.stream()
                        .filter(line -> line.message().contains("leg " + legId)
                                && line.message().contains("originated"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no origination line for " + legId + " in " + ofTheRing));
                assertEquals(
                        legId, origination.mdc().get(LogContext.LEG_ID), "the executor task's own leg: " + origination);
                assertTrue(
                        origination.mdc().containsKey(LogContext.REQUEST_ID),
                        "the ring request's id reaches the executor: " + origination);
            }
            assertTrue(
                    ofTheRing.stream().map(LogCapture.Line::thread).distinct().count() > 1,
                    "lines from several threads: " + ofTheRing);
            LogCapture.Line rangOut = ofTheRing.stream()
                    .filter(line -> line.message().contains("rang out"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(
                    rangOut.mdc().containsKey(LogContext.REQUEST_ID)
                            && rangOut.mdc().containsKey(LogContext.LAMBDA_REQUEST_ID),
                    "the webhook request that decided it: " + rangOut);
        }
    }

    @Test
    void apiFailuresAreCountedByRouteTemplateNeverByRawPath() {
        try (LogCapture log = LogCapture.start()) {
            String missing = UUID.randomUUID().toString();
            as(admin).get("/v1.0/agents/" + missing).then().statusCode(404);
            io.restassured.RestAssured.given()
                    .contentType("application/json")
                    .body(Map.of("username", admin.username(), "password", "not-the-password"))
                    .post("/auth/login")
                    .then()
                    .statusCode(401);

            List<JsonNode> metrics =
                    log.metricLines().stream().map(RingObservabilityTest::parse).toList();
            JsonNode notFound = metrics.stream()
                    .filter(m -> m.has("ApiErrors") && m.get("Route").asText().startsWith("GET /v1.0/agents"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(metrics.toString()));
            assertEquals("GET /v1.0/agents/{id}", notFound.get("Route").asText());
            assertEquals("4xx", notFound.get("StatusClass").asText());
            assertFalse(
                    notFound.toString().contains("\"Route\":\"GET /v1.0/agents/" + missing), "raw path as a dimension");
            assertEquals(1, metrics.stream().filter(m -> m.has("LoginFailures")).count());
        }
    }

    private String ring(UUID agent) {
        return as(admin)
                .body(Map.of("agent_id", agent, "source", "+15550001000", "ring_timeout", 30))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private JsonPath awaitStatus(String id, String status) {
        return Await.until(
                "agentcall " + id + " " + status,
                () -> as(admin)
                        .get("/v1.0/agentcalls/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                call -> status.equals(call.getString("status")));
    }

    private static Address sip(String behaviour) {
        return new Address(
                AddressType.SIP, "agent-" + UUID.randomUUID() + "@pbx.example.com", null, null, behaviour, null);
    }

    /** The agentcall's metric lines (metrics are published after commit: the awaited state may come first). */
    private static List<JsonNode> metricsOf(LogCapture log, String agentCallId) {
        Predicate<JsonNode> ofCall =
                m -> agentCallId.equals(m.path(LogContext.AGENTCALL_ID).asText());
        return Await.until(
                "the metric lines of " + agentCallId,
                () -> log.metricLines().stream()
                        .map(RingObservabilityTest::parse)
                        .filter(ofCall)
                        .toList(),
                lines -> lines.stream().anyMatch(m -> m.has("AgentCalls")));
    }

    private static JsonNode one(List<JsonNode> metrics, String name) {
        List<JsonNode> found = all(metrics, name);
        assertEquals(1, found.size(), name + " in " + metrics);
        JsonNode metric = found.get(0);
        assertEquals(
                "agentbin", metric.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals(name, metric.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText());
        assertTrue(metric.at("/_aws/Timestamp").isNumber());
        return metric;
    }

    private static List<JsonNode> all(List<JsonNode> metrics, String name) {
        return metrics.stream().filter(m -> m.has(name)).toList();
    }

    private static List<List<String>> dimensionSets(JsonNode metric) {
        return JSON.convertValue(
                metric.at("/_aws/CloudWatchMetrics/0/Dimensions"),
                JSON.getTypeFactory().constructCollectionType(List.class, List.class));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
