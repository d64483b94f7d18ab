package dev.agentbin.api.agentcall;

import static dev.agentbin.api.agentcall.RingTestSupport.allOriginated;
import static dev.agentbin.api.agentcall.RingTestSupport.sip;
import static dev.agentbin.api.agentcall.RingTestSupport.status;
import static dev.agentbin.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agent.RingMethod;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.SweepResult;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.testing.SweepWindow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sequences where an agent's status used to come loose from its calls (issue 7): overlapping
 * calls and wrap-ups, a delete during a ring, a return from away, a reused Idempotency-Key, linear
 * ringing with a silent first address.
 */
@QuarkusTest
class AgentStatusFollowsCallsTest {

    @Inject
    TestAgents seeds;

    @Inject
    SimulatorProvider simulator;

    @Inject
    AgentCallService agentCalls;

    TestAgents.Seeded admin;
    RingTestSupport rings;

    @BeforeEach
    void seed() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        rings = new RingTestSupport(admin);
    }

    @Test
    void anOldCallsWrapUpNeverFreesAnAgentBusyOnANewerCall() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:answer:50")), 30, 3);
        String first = answeredThenEnded(agent);
        Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status, "call 1 wraps up");

        setStatus(agent, "available");
        String second = rings.ring(agent).getString("id");
        JsonPath answered = rings.await(second, "call 2 answered", status("answered"));
        Assertions.assertNotEquals(first, second);

        SweepWindow window = SweepWindow.open();
        seeds.moveInto(window, agent);
        agentCalls.sweep(window.now().plusSeconds(31));
        Assertions.assertEquals(
                AgentStatus.BUSY, seeds.reload(agent).status, "call 1's wrap-up must not free the agent");
        Assertions.assertEquals(UUID.fromString(second), seeds.reload(agent).statusCallId);
        refused(agent, 409, "AGENT_NOT_AVAILABLE");

        simulator.hangup(answered.getString("legs[0].provider_call_id"));
        rings.await(second, "call 2 to end", status("completed"));
        Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status, "call 2 gets a wrap-up of its own");
        Assertions.assertNotNull(seeds.reload(agent).wrapupUntil);
        SweepWindow later = SweepWindow.open();
        seeds.moveInto(later, agent);
        Assertions.assertEquals(
                new SweepResult(0, 0, 1), agentCalls.sweep(later.now().plusSeconds(31)));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
        Assertions.assertNull(seeds.reload(agent).statusCallId);
    }

    @Test
    void anAgentInALiveCallCannotBeDeletedAndIsDeletableOnceItEnds() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer"), sip("sim:no-answer")), 30, 3);
        String id = rings.ring(agent).getString("id");
        rings.await(id, "legs originated", allOriginated(2));

        as(admin)
                .delete("/v1.0/agents/" + agent)
                .then()
                .statusCode(409)
                .body("error.reason", equalTo("AGENT_IN_CALL"))
                .body("error.request_id", notNullValue());
        Assertions.assertNull(seeds.reload(agent).tmDelete);
        Assertions.assertEquals("ringing", rings.get(id).getString("status"), "the ring goes on untouched");

        setStatus(agent, "away");
        as(admin).delete("/v1.0/agents/" + agent).then().statusCode(409).body("error.reason", equalTo("AGENT_IN_CALL"));

        as(admin).post("/v1.0/agentcalls/" + id + "/hangup").then().statusCode(200);
        as(admin).delete("/v1.0/agents/" + agent).then().statusCode(200).body("tm_delete", notNullValue());
        refused(agent, 404, "AGENT_NOT_FOUND");
    }

    @Test
    void anAgentWrappingUpCanBeDeletedAndItsWrapUpThenChangesNothing() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:answer:50")), 30, 3);
        answeredThenEnded(agent);
        as(admin).delete("/v1.0/agents/" + agent).then().statusCode(200);
        SweepWindow window = SweepWindow.open();
        seeds.moveInto(window, agent);
        agentCalls.sweep(window.now().plusSeconds(31));
        Assertions.assertNotNull(seeds.reload(agent).tmDelete);
    }

    @Test
    void returningFromAwayStartsTheMissCountAfresh() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:busy:30")), 0, 2);
        missOnce(agent);
        missOnce(agent);
        Assertions.assertEquals(AgentStatus.AWAY, seeds.reload(agent).status);

        setStatus(agent, "available");
        Assertions.assertEquals(0, seeds.reload(agent).missedRings);
        missOnce(agent);
        Assertions.assertEquals(
                AgentStatus.AVAILABLE, seeds.reload(agent).status, "one miss after returning is not two");
        Assertions.assertEquals(1, seeds.reload(agent).missedRings);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIs422AndRingsNobody() {
        UUID first = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer")), 0, 3);
        UUID second = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer")), 0, 3);
        String key = "key-" + UUID.randomUUID();
        String call = as(admin)
                .header("Idempotency-Key", key)
                .body(Map.of("agent_id", first, "source", "+15550001000"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        as(admin)
                .header("Idempotency-Key", key)
                .body(Map.of("agent_id", second, "source", "+15550001000"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(422)
                .body("error.status", equalTo("UNPROCESSABLE"))
                .body("error.reason", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(second).status, "the second agent is not rung");
        as(admin)
                .header("Idempotency-Key", key)
                .body(Map.of("agent_id", first, "source", "+15550001000", "ring_timeout", 45))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(422);

        Assertions.assertEquals(
                call,
                as(admin)
                        .header("Idempotency-Key", key)
                        .body(Map.of("agent_id", first, "source", "+15550001000", "ring_timeout", 30))
                        .post("/v1.0/agentcalls")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id"),
                "the same request (default spelled out) is a retry");
    }

    @Test
    void linearGivesEachAddressItsOwnTimeSoTheLastOfThreeIsReached() {
        UUID agent = seeds.seedRingable(
                admin.customerId(), List.of(sip("sim:no-answer"), sip("sim:no-answer"), sip("sim:answer:100")), 0, 3);
        seeds.setRingMethod(agent, RingMethod.LINEAR);
        JsonPath dispatched = as(admin)
                .body(Map.of("agent_id", agent, "source", "+15550001000", "ring_timeout", 30, "address_timeout", 1))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        Assertions.assertEquals(1, dispatched.getInt("address_timeout"));
        JsonPath answered = rings.await(dispatched.getString("id"), "the third address to answer", status("answered"));
        Assertions.assertEquals(answered.getString("legs[2].id"), answered.getString("answered_leg_id"));
        Assertions.assertEquals(List.of("ended", "ended", "answered"), answered.getList("legs.status"));
        Assertions.assertEquals("no-answer", answered.getString("legs[0].end_reason"));
    }

    @Test
    void linearSharesTheRingTimeoutAmongTheAddressesByDefault() {
        UUID agent = seeds.seedRingable(
                admin.customerId(), List.of(sip("sim:no-answer"), sip("sim:no-answer"), sip("sim:no-answer")), 0, 3);
        seeds.setRingMethod(agent, RingMethod.LINEAR);
        JsonPath dispatched = as(admin)
                .body(Map.of("agent_id", agent, "source", "+15550001000", "ring_timeout", 20))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        Assertions.assertEquals(7, dispatched.getInt("address_timeout"), "20 s over 3 addresses, rounded up");
        as(admin)
                .post("/v1.0/agentcalls/" + dispatched.getString("id") + "/hangup")
                .then()
                .statusCode(200);

        UUID ringall = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer")), 0, 3);
        JsonPath parallel = rings.ring(ringall);
        Assertions.assertNull(
                parallel.get("address_timeout"), "ringall rings every address for the whole ring timeout");
        as(admin)
                .post("/v1.0/agentcalls/" + parallel.getString("id") + "/hangup")
                .then()
                .statusCode(200);
    }

    @Test
    void addressTimeoutOutOfRangeIs400() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer")), 0, 3);
        for (int bad : new int[] {0, 601}) {
            as(admin)
                    .body(Map.of("agent_id", agent, "source", "+15550001000", "address_timeout", bad))
                    .post("/v1.0/agentcalls")
                    .then()
                    .statusCode(400)
                    .body("error.reason", equalTo("INVALID_ARGUMENT"));
        }
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
    }

    private String answeredThenEnded(UUID agent) {
        String id = rings.ring(agent).getString("id");
        JsonPath answered = rings.await(id, "answer", status("answered"));
        simulator.hangup(answered.getString("legs[0].provider_call_id"));
        rings.await(id, "the call to end", status("completed"));
        return id;
    }

    private void missOnce(UUID agent) {
        rings.await(rings.ring(agent).getString("id"), "no answer", status("no_answer"));
    }

    private void setStatus(UUID agent, String status) {
        as(admin)
                .body(Map.of("status", status))
                .put("/v1.0/agents/" + agent + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo(status));
    }

    private void refused(UUID agent, int status, String reason) {
        as(admin)
                .body(Map.of("agent_id", agent, "source", "+15550001000"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(status)
                .body("error.reason", equalTo(reason));
    }
}
