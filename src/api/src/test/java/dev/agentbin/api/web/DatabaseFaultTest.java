package dev.agentbin.api.web;

import static dev.agentbin.api.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.testing.DatabaseFaults;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL drops the connection in the middle of a request: 503 UNAVAILABLE in the envelope, nothing
 * half-written, and the next request works without anyone restarting anything.
 */
@QuarkusTest
class DatabaseFaultTest {

    @Inject
    TestAgents seeds;

    @Inject
    EntityManager db;

    @Test
    void aStatusChangeCutOffMidRequestIs503AndChangesNothing() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT).id();
        try (DatabaseFaults faults = new DatabaseFaults()) {
            faults.hold("select 1 from agent_agents where id = ? for update", agent);
            CompletableFuture<Response> request = CompletableFuture.supplyAsync(
                    () -> as(admin).body(Map.of("status", "away")).put("/v1.0/agents/" + agent + "/status"));
            faults.terminateTheWaitingBackend();
            faults.release();
            isUnavailable(request.join());
        }
        Assertions.assertEquals(AgentStatus.OFFLINE, seeds.reload(agent).status);
        as(admin)
                .body(Map.of("status", "away"))
                .put("/v1.0/agents/" + agent + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("away"));
    }

    @Test
    void anAgentCreateCutOffBetweenItsRowsLeavesNoAgentBehind() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        String username = UUID.randomUUID() + "@example.com";
        String target =
                "+1555" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
        Map<String, Object> body = Map.of(
                "username",
                username,
                "password",
                "a-long-password",
                "addresses",
                List.of(Map.of("type", "tel", "target", target)));
        try (DatabaseFaults faults = new DatabaseFaults()) {
            // The same address, uncommitted: the request's address insert queues behind it, after its agent row.
            faults.hold(
                    "insert into agent_addresses (id, agent_id, customer_id, type, target, idx, tm_create)"
                            + " values (gen_random_uuid(), ?, ?, 'tel', ?, 0, now())",
                    admin.id(),
                    admin.customerId(),
                    target);
            CompletableFuture<Response> request =
                    CompletableFuture.supplyAsync(() -> as(admin).body(body).post("/v1.0/agents"));
            faults.terminateTheWaitingBackend();
            faults.release();
            isUnavailable(request.join());
        }
        Assertions.assertEquals(0L, agentsNamed(username), "the agent row was rolled back with its addresses");
        as(admin).body(body).post("/v1.0/agents").then().statusCode(200).body("addresses[0].target", equalTo(target));
        Assertions.assertEquals(1L, agentsNamed(username));
    }

    @Test
    void aRingCutOffMidDispatchLeavesTheAgentAvailableAndNoAgentcall() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(
                admin.customerId(),
                List.of(new dev.agentbin.agent.Address(
                        dev.agentbin.agent.AddressType.SIP,
                        "x-" + UUID.randomUUID() + "@pbx.example.com",
                        null,
                        null,
                        "sim:no-answer",
                        null)),
                0,
                3);
        try (DatabaseFaults faults = new DatabaseFaults()) {
            faults.hold("select 1 from agent_agents where id = ? for update", agent);
            CompletableFuture<Response> request = CompletableFuture.supplyAsync(() -> as(admin)
                    .body(Map.of("agent_id", agent, "source", "+15550001000"))
                    .post("/v1.0/agentcalls"));
            faults.terminateTheWaitingBackend();
            faults.release();
            isUnavailable(request.join());
        }
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
        Assertions.assertEquals(0L, callsOf(agent));
        String call = as(admin)
                .body(Map.of("agent_id", agent, "source", "+15550001000"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        as(admin).post("/v1.0/agentcalls/" + call + "/hangup").then().statusCode(200);
    }

    private static void isUnavailable(Response response) {
        response.then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("error.status", equalTo("UNAVAILABLE"))
                .body("error.reason", equalTo("UNAVAILABLE"))
                .body("error.request_id", notNullValue())
                .body(org.hamcrest.Matchers.not(containsString("SQL")));
    }

    @jakarta.transaction.Transactional
    long agentsNamed(String username) {
        return ((Number) db.createNativeQuery("select count(*) from agent_agents where username = ?1")
                        .setParameter(1, username)
                        .getSingleResult())
                .longValue();
    }

    @jakarta.transaction.Transactional
    long callsOf(UUID agent) {
        return ((Number) db.createNativeQuery("select count(*) from agent_calls where agent_id = ?1")
                        .setParameter(1, agent)
                        .getSingleResult())
                .longValue();
    }
}
