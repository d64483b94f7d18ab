package dev.agentbin.api.agent;

import static dev.agentbin.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.query.NativeQuery;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /v1.0/agents/{id}/status_history: the item as the API shows it, cursor paging, the time window and its
 * defaults, bad parameters. Who may read it is AgentPermissionTest's; the causes are StatusHistoryCausesTest's.
 * Changes are written straight into the table at known times.
 */
@QuarkusTest
class StatusHistoryTest {

    static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");

    @Inject
    TestAgents agents;

    @Inject
    EntityManager db;

    TestAgents.Seeded admin;
    TestAgents.Seeded jane;
    /** Jane's changes on DAY, newest first, as the API lists them. */
    List<String> janes = new ArrayList<>();

    @BeforeEach
    void seedHistory() {
        admin = agents.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        jane = agents.seed(admin.customerId(), Permission.CUSTOMER_AGENT);
        // One change an hour for 24 hours, and two in the same microsecond at the end: the cursor's id keeps them
        // apart.
        for (int hour = 0; hour < 24; hour++) {
            janes.add(
                    0,
                    insert(
                            jane,
                            hour % 2 == 0 ? "offline" : "available",
                            hour % 2 == 0 ? "available" : "offline",
                            DAY.plusSeconds(hour * 3600L)));
        }
        janes.add(0, insert(jane, "available", "ringing", DAY.plusSeconds(86_399)));
        janes.add(0, insert(jane, "ringing", "busy", DAY.plusSeconds(86_399)));
        janes.subList(0, 2).sort(Comparator.reverseOrder());
        // A colleague's changes are never in Jane's history.
        TestAgents.Seeded john = agents.seed(admin.customerId(), Permission.CUSTOMER_AGENT);
        insert(john, "offline", "available", DAY.plusSeconds(1800));
    }

    @Test
    void anItemCarriesEveryFieldWithItsCause() throws IOException {
        UUID call = UUID.randomUUID();
        String id = insert(
                jane,
                "ringing",
                "away",
                "max_no_answer",
                null,
                call,
                DAY.plusSeconds(86_399).plusMillis(1));
        JsonNode page = new ObjectMapper()
                .readTree(as(admin)
                        .queryParam("from", "2026-11-02T23:59:59.001Z")
                        .queryParam("to", "2026-11-03T00:00:00Z")
                        .get("/v1.0/agents/" + jane.id() + "/status_history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        Assertions.assertEquals(new ObjectMapper().readTree("""
                {"result": [{"id": "%s", "agent_id": "%s", "previous_status": "ringing", "status": "away",
                  "cause": {"type": "max_no_answer", "agent_id": null, "accesskey_id": null, "agentcall_id": "%s"},
                  "tm_create": "2026-11-02T23:59:59.001Z"}],
                 "next_page_token": "2026-11-02T23:59:59.001000Z_%s"}""".formatted(id, jane.id(), call, id)), page);
    }

    @Test
    void pagesThroughTheWindowNewestFirst() {
        Assertions.assertEquals(
                janes,
                readAll(() -> as(admin)
                        .queryParam("page_size", 7)
                        .queryParam("from", "2026-11-02T00:00:00Z")
                        .queryParam("to", "2026-11-03T00:00:00Z")));
        Assertions.assertEquals(
                janes,
                readAll(() ->
                        as(jane).queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-03T00:00:00Z")),
                "the agent reads its own the same way, 100 a page by default");
        as(admin)
                .queryParam("from", "2026-11-02T00:00:00Z")
                .queryParam("to", "2026-11-03T00:00:00Z")
                .queryParam("page_size", 500)
                .get("/v1.0/agents/" + jane.id() + "/status_history")
                .then()
                .statusCode(200)
                .body("result", hasSize(26));
    }

    @Test
    void theWindowIsFromInclusiveToExclusive() {
        // 06:00 (included) to 09:00 (excluded, written with another offset).
        Assertions.assertEquals(
                janes.subList(17, 20),
                readAll(() -> as(admin)
                        .queryParam("from", "2026-11-02T06:00:00Z")
                        .queryParam("to", "2026-11-02T10:00:00+01:00")));
        Assertions.assertEquals(
                janes.subList(25, 26),
                readAll(() -> as(admin)
                        .queryParam("from", "2026-11-01T12:00:00Z")
                        .queryParam("to", "2026-11-02T00:00:00.000001Z")));
        // to alone: the 24 hours before it.
        Assertions.assertEquals(
                janes.subList(2, 26), readAll(() -> as(admin).queryParam("to", "2026-11-02T23:59:59Z")));
        // 31 days is the longest window; the rows at its end are in.
        Assertions.assertEquals(
                janes,
                readAll(() ->
                        as(admin).queryParam("from", "2026-10-03T00:00:00Z").queryParam("to", "2026-11-03T00:00:00Z")));
    }

    @Test
    void withoutAWindowItIsTheLastDay() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String recent = insert(jane, "available", "away", now.minus(Duration.ofHours(23)));
        insert(jane, "away", "available", now.minus(Duration.ofHours(25)));
        String justNow = insert(jane, "away", "offline", now.minusSeconds(1));
        Assertions.assertEquals(List.of(justNow, recent), readAll(() -> as(admin)));
        // from alone: up to now.
        Assertions.assertEquals(
                List.of(justNow),
                readAll(() -> as(admin).queryParam("from", now.minusSeconds(10).toString())));
    }

    @Test
    void badParametersAre400() {
        String history = "/v1.0/agents/" + jane.id() + "/status_history";
        for (Map<String, String> bad : List.of(
                Map.of("from", "yesterday"),
                Map.of("to", "2026-11-02T00:00:00"),
                Map.of("from", "2026-11-03T00:00:00Z", "to", "2026-11-02T00:00:00Z"),
                Map.of("from", "2026-11-02T00:00:00Z", "to", "2026-11-02T00:00:00Z"),
                Map.of("from", "2026-10-02T23:59:59Z", "to", "2026-11-03T00:00:00Z"),
                Map.of("from", Instant.now().plusSeconds(60).toString()),
                Map.of("page_size", "ten"))) {
            as(admin)
                    .queryParams(bad)
                    .get(history)
                    .then()
                    .statusCode(400)
                    .body("error.status", equalTo("INVALID_ARGUMENT"))
                    .body("error.reason", equalTo("INVALID_REQUEST_PARAMETER"))
                    .body("error.request_id", org.hamcrest.Matchers.notNullValue());
        }
        as(admin)
                .queryParam("page_token", "nope")
                .get(history)
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_PAGE_TOKEN"));
        as(admin)
                .get("/v1.0/agents/not-an-id/status_history")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_ID"));
        as(admin)
                .get("/v1.0/agents/" + UUID.randomUUID() + "/status_history")
                .then()
                .statusCode(404)
                .body("error.reason", equalTo("AGENT_NOT_FOUND"));
    }

    @Test
    void aDeletedAgentsHistoryStaysReadable() {
        as(admin).delete("/v1.0/agents/" + jane.id()).then().statusCode(200);
        Assertions.assertEquals(
                janes,
                readAll(() ->
                        as(admin).queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-03T00:00:00Z")));
    }

    private List<String> readAll(Supplier<RequestSpecification> request) {
        List<String> seen = new ArrayList<>();
        String token = null;
        for (int pages = 0; pages < 100; pages++) {
            RequestSpecification spec = request.get();
            if (token != null) {
                spec.queryParam("page_token", token);
            }
            JsonPath page = spec.get("/v1.0/agents/" + jane.id() + "/status_history")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> ids = page.getList("result.id");
            if (ids.isEmpty()) {
                Assertions.assertEquals("", page.getString("next_page_token"));
                return seen;
            }
            seen.addAll(ids);
            token = page.getString("next_page_token");
        }
        throw new AssertionError("no end after 100 pages: " + seen.size());
    }

    String insert(TestAgents.Seeded agent, String previous, String status, Instant at) {
        return insert(agent, previous, status, "agent", agent.id(), null, at);
    }

    @Transactional
    String insert(
            TestAgents.Seeded agent,
            String previous,
            String status,
            String cause,
            UUID causeAgent,
            UUID causeCall,
            Instant at) {
        UUID id = UUID.randomUUID();
        db.createNativeQuery(
                        "insert into agent_status_changes (id, customer_id, agent_id, previous_status, status, cause_type, "
                                + "cause_agent_id, cause_agentcall_id, tm_create) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .unwrap(NativeQuery.class)
                .setParameter(1, id)
                .setParameter(2, agent.customerId())
                .setParameter(3, agent.id())
                .setParameter(4, previous)
                .setParameter(5, status)
                .setParameter(6, cause)
                .setParameter(7, causeAgent, UUID.class)
                .setParameter(8, causeCall, UUID.class)
                .setParameter(9, at)
                .executeUpdate();
        return id.toString();
    }
}
