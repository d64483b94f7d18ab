package dev.agentbin.api.agentcall;

import static dev.agentbin.api.support.Api.as;
import static dev.agentbin.api.support.Api.createKey;
import static dev.agentbin.api.support.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /v1.0/agentcalls as call history: cursor paging, a time window, outcomes, and the customer-wide list
 * for admins and managers. Agentcalls are written straight into the table with known start times.
 */
@QuarkusTest
class CallHistoryTest {

    static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");

    @Inject
    TestAgents agents;

    @Inject
    EntityManager db;

    UUID customer;
    TestAgents.Seeded admin;
    TestAgents.Seeded jane;
    TestAgents.Seeded john;
    /** Newest first, as the API lists them. */
    List<String> janes = new ArrayList<>();

    List<String> johns = new ArrayList<>();

    @BeforeEach
    void seedHistory() {
        customer = UUID.randomUUID();
        admin = agents.seed(customer, Permission.CUSTOMER_ADMIN);
        jane = agents.seed(customer, Permission.CUSTOMER_AGENT);
        john = agents.seed(customer, Permission.CUSTOMER_AGENT);
        String[] outcomes = {"completed", "no_answer", "canceled", "failed"};
        // One call an hour for 24 hours each; Jane's on the hour, John's at half past.
        for (int hour = 0; hour < 24; hour++) {
            janes.add(0, insertCall(customer, jane.id(), outcomes[hour % 4], DAY.plusSeconds(hour * 3600L)));
            johns.add(0, insertCall(customer, john.id(), "completed", DAY.plusSeconds(hour * 3600L + 1800)));
        }
        // Two calls in the same microsecond: the cursor's id keeps them apart.
        janes.add(0, insertCall(customer, jane.id(), "completed", DAY.plusSeconds(86_400)));
        janes.add(0, insertCall(customer, jane.id(), "completed", DAY.plusSeconds(86_400)));
        janes.subList(0, 2).sort(java.util.Comparator.reverseOrder());
        // Another customer's call is never seen.
        TestAgents.Seeded stranger = agents.seed(UUID.randomUUID(), Permission.CUSTOMER_AGENT);
        insertCall(stranger.customerId(), stranger.id(), "completed", DAY.plusSeconds(100));
    }

    @Test
    void pagesThroughAnAgentsWholeHistory() {
        List<String> seen =
                readAll(() -> as(admin).queryParam("agent_id", jane.id()).queryParam("page_size", 7));
        Assertions.assertEquals(janes, seen);
        // The agent reads its own history the same way.
        Assertions.assertEquals(
                janes, readAll(() -> as(jane).queryParam("agent_id", jane.id()).queryParam("page_size", 50)));
    }

    @Test
    void pageSizeDefaultsToTenAndStopsAtFifty() {
        as(admin)
                .queryParam("agent_id", jane.id())
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(200)
                .body("result", hasSize(10));
        as(admin)
                .queryParam("page_size", 500)
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(200)
                .body("result", hasSize(50));
        as(admin)
                .queryParam("page_size", "ten")
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_REQUEST_PARAMETER"));
        as(admin)
                .queryParam("page_token", "nope")
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_PAGE_TOKEN"));
    }

    @Test
    void theCustomerWideListInterleavesEveryAgent() {
        List<String> all = readAll(() -> as(admin).queryParam("page_size", 20));
        Assertions.assertEquals(50, all.size());
        Assertions.assertEquals(janes.subList(0, 2), all.subList(0, 2));
        Assertions.assertEquals(List.of(johns.get(0), janes.get(2), johns.get(1)), all.subList(2, 5));
        TestAgents.Seeded manager = agents.seed(customer, Permission.CUSTOMER_MANAGER);
        Assertions.assertEquals(all, readAll(() -> as(manager).queryParam("page_size", 50)));
    }

    @Test
    void aTimeWindowIsFromInclusiveToExclusive() {
        // 06:00 (Jane's, included) to 09:00 (Jane's, excluded): Jane 06, 07, 08 and John 06:30, 07:30, 08:30.
        List<String> window = readAll(() -> as(admin)
                .queryParam("from", "2026-11-02T06:00:00Z")
                .queryParam("to", "2026-11-02T10:00:00+01:00")
                .queryParam("page_size", 4));
        Assertions.assertEquals(
                List.of(johns.get(15), janes.get(17), johns.get(16), janes.get(18), johns.get(17), janes.get(19)),
                window);
        Assertions.assertEquals(
                janes.subList(0, 2),
                readAll(() -> as(admin).queryParam("agent_id", jane.id()).queryParam("from", "2026-11-03T00:00:00Z")));
        Assertions.assertEquals(
                janes.subList(24, 26),
                readAll(() ->
                        as(admin).queryParam("agent_id", jane.id()).queryParam("to", "2026-11-02T01:00:00.000001Z")));

        as(admin)
                .queryParam("from", "yesterday")
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_REQUEST_PARAMETER"));
        as(admin)
                .queryParam("from", "2026-11-02T00:00:00")
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(400);
        as(admin)
                .queryParam("from", "2026-11-03T00:00:00Z")
                .queryParam("to", "2026-11-02T00:00:00Z")
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_REQUEST_PARAMETER"));
    }

    @Test
    void filtersByOutcome() {
        // Jane's hours 1, 5, 9, ... ended no_answer, hours 2, 6, ... canceled: the missed ones.
        List<String> missed =
                readAll(() -> as(admin).queryParam("agent_id", jane.id()).queryParam("status", "no_answer,canceled"));
        List<String> expected = new ArrayList<>();
        for (int hour = 23; hour >= 0; hour--) {
            if (hour % 4 == 1 || hour % 4 == 2) {
                expected.add(janes.get(2 + 23 - hour));
            }
        }
        Assertions.assertEquals(expected, missed);
        as(admin)
                .queryParam("status", "failed")
                .queryParam("page_size", 50)
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(200)
                .body("result", hasSize(6))
                .body("result.status", org.hamcrest.Matchers.everyItem(equalTo("failed")));
        as(admin)
                .queryParam("status", "missed")
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void whoReadsWhat() {
        // An agent: its own only; the customer-wide list and a colleague's are refused.
        as(jane).get("/v1.0/agentcalls").then().statusCode(403).body("error.reason", equalTo("PERMISSION_DENIED"));
        as(jane).queryParam("agent_id", john.id())
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(403);
        // Another customer's admin sees none of it.
        TestAgents.Seeded stranger = agents.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        as(stranger)
                .queryParam("page_size", 50)
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(200)
                .body("result", hasSize(0))
                .body("next_page_token", equalTo(""));
        as(stranger)
                .queryParam("agent_id", jane.id())
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(200)
                .body("result", hasSize(0));
        // Access keys by their permission: a manager key reads the customer's, an agent key does not.
        withKey(createKey(admin, Permission.CUSTOMER_MANAGER))
                .queryParam("page_size", 50)
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(200)
                .body("result", hasSize(50));
        withKey(createKey(admin, Permission.CUSTOMER_AGENT))
                .get("/v1.0/agentcalls")
                .then()
                .statusCode(403);
    }

    private static List<String> readAll(Supplier<RequestSpecification> request) {
        List<String> seen = new ArrayList<>();
        String token = null;
        for (int pages = 0; pages < 100; pages++) {
            RequestSpecification spec = request.get();
            if (token != null) {
                spec.queryParam("page_token", token);
            }
            JsonPath page = spec.get("/v1.0/agentcalls")
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

    @Transactional
    String insertCall(UUID customerId, UUID agentId, String status, Instant start) {
        UUID id = UUID.randomUUID();
        db.createNativeQuery(
                        "insert into agent_calls (id, customer_id, agent_id, dispatch_key, source, ring_method, status, "
                                + "ring_timeout, deadline, tm_create, tm_end) values (?1, ?2, ?3, ?4, '+15550001000', 'ringall', ?5, 30, ?6, ?6, ?6)")
                .setParameter(1, id)
                .setParameter(2, customerId)
                .setParameter(3, agentId)
                .setParameter(4, "history:" + id)
                .setParameter(5, status)
                .setParameter(6, start)
                .executeUpdate();
        return id.toString();
    }
}
