package dev.agentbin.api.agentcall;

import static dev.agentbin.api.agentcall.RingTestSupport.allOriginated;
import static dev.agentbin.api.agentcall.RingTestSupport.sip;
import static dev.agentbin.api.agentcall.RingTestSupport.status;
import static dev.agentbin.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ring-all end to end: HTTP ring request → simulator legs → signed webhooks → statuses. */
@QuarkusTest
class AgentCallFlowTest {

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
    void firstAnswerWinsTheOthersAreHungUpAndTheAgentFollowsTheCall() {
        UUID agent = seeds.seedRingable(
                admin.customerId(), List.of(sip("sim:no-answer"), sip("sim:answer:300"), sip("sim:no-answer")), 0, 3);
        JsonPath dispatched = rings.ring(agent);
        Assertions.assertEquals("ringing", dispatched.getString("status"));
        Assertions.assertEquals(3, dispatched.getList("legs").size());
        Assertions.assertEquals(AgentStatus.RINGING, seeds.reload(agent).status);

        String id = dispatched.getString("id");
        JsonPath answered = rings.await(id, "the second leg to win", status("answered"));
        List<String> legIds = answered.getList("legs.id");
        Assertions.assertEquals(legIds.get(1), answered.getString("answered_leg_id"));
        Assertions.assertEquals(List.of("canceled", "answered", "canceled"), answered.getList("legs.status"));
        Assertions.assertEquals("completed elsewhere", answered.getString("legs[0].end_reason"));
        List<String> callIds = answered.getList("legs.provider_call_id");
        Assertions.assertTrue(
                simulator.hungUp().containsAll(List.of(callIds.get(0), callIds.get(2))), "losers hung up");
        Assertions.assertFalse(simulator.hungUp().contains(callIds.get(1)), "the winner stays up");
        Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status);

        simulator.hangup(callIds.get(1));
        JsonPath completed = rings.await(id, "the call to end", status("completed"));
        Assertions.assertEquals("completed", completed.getString("legs[1].status"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
        Assertions.assertEquals(0, seeds.reload(agent).missedRings);
    }

    @Test
    void ringRequestsThatCannotRingAreRefusedAtOnce() {
        UUID offline = seeds.seedRingable(admin.customerId(), List.of(sip("")), 0, 3);
        seeds.setStatus(offline, AgentStatus.OFFLINE);
        refused(offline, 409, "AGENT_NOT_AVAILABLE");

        UUID noAddresses = seeds.seedRingable(admin.customerId(), List.of(), 0, 3);
        refused(noAddresses, 409, "AGENT_HAS_NO_ADDRESSES");
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(noAddresses).status);

        UUID ringing = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer")), 0, 3);
        rings.ring(ringing);
        refused(ringing, 409, "AGENT_NOT_AVAILABLE");

        refused(UUID.randomUUID(), 404, "AGENT_NOT_FOUND");
        UUID otherCustomers = seeds.seedRingable(UUID.randomUUID(), List.of(sip("")), 0, 3);
        refused(otherCustomers, 404, "AGENT_NOT_FOUND");
    }

    @Test
    void badRingRequestsAre400() {
        as(admin)
                .body(Map.of("source", "+15550001000"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("agent_id is required"));
        as(admin)
                .body(Map.of("agent_id", UUID.randomUUID(), "source", "+1", "ring_timeout", 1))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("ring_timeout"));
        as(admin)
                .body(Map.of("agent_id", "nope", "source", "+1"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(400);
        as(admin)
                .body("{")
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_JSON_BODY"));
        as(admin).get("/v1.0/agentcalls/not-a-uuid").then().statusCode(400).body("error.reason", equalTo("INVALID_ID"));
        as(admin)
                .get("/v1.0/agentcalls/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("error.reason", equalTo("AGENTCALL_NOT_FOUND"));
    }

    @Test
    void onlyAdminsAndManagersOfTheCustomerRingAndSeeAgentcalls() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer")), 0, 3);
        TestAgents.Seeded plain = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT);
        as(plain)
                .body(Map.of("agent_id", agent, "source", "+15550001000"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(403);
        String id = rings.ring(agent).getString("id");
        as(plain).get("/v1.0/agentcalls/" + id).then().statusCode(403);
        TestAgents.Seeded otherAdmin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        as(otherAdmin).get("/v1.0/agentcalls/" + id).then().statusCode(404);
        as(otherAdmin).post("/v1.0/agentcalls/" + id + "/hangup").then().statusCode(404);
        TestAgents.Seeded manager = seeds.seed(admin.customerId(), Permission.CUSTOMER_MANAGER);
        as(manager).get("/v1.0/agentcalls/" + id).then().statusCode(200);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyRingsOnce() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer"), sip("sim:no-answer")), 0, 3);
        Map<String, Object> body = Map.of("agent_id", agent, "source", "+15550001000");
        String first = as(admin)
                .header("Idempotency-Key", "retry-1")
                .body(body)
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String second = as(admin)
                .header("Idempotency-Key", "retry-1")
                .body(body)
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        Assertions.assertEquals(first, second);
        Assertions.assertEquals(2, rings.get(first).getList("legs").size());
    }

    @Test
    void everyLegEndingUnansweredIsNoAnswerAndMaxNoAnswerSetsTheAgentAway() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:busy:50"), sip("sim:busy:80")), 0, 2);
        String first = rings.ring(agent).getString("id");
        JsonPath missed = rings.await(first, "no answer", status("no_answer"));
        Assertions.assertEquals(List.of("ended", "ended"), missed.getList("legs.status"));
        Assertions.assertEquals(List.of("busy", "busy"), missed.getList("legs.end_reason"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
        Assertions.assertEquals(1, seeds.reload(agent).missedRings);

        String second = rings.ring(agent).getString("id");
        rings.await(second, "no answer", status("no_answer"));
        Assertions.assertEquals(AgentStatus.AWAY, seeds.reload(agent).status);
    }

    @Test
    void oneFailedOriginationDoesNotStopTheOthersAndAllFailingEndsTheCall() {
        UUID mixed = seeds.seedRingable(admin.customerId(), List.of(sip("sim:fail"), sip("sim:answer:100")), 0, 3);
        JsonPath call = rings.ring(mixed);
        Assertions.assertEquals("failed", call.getString("legs[0].status"));
        rings.await(call.getString("id"), "the second leg to win", status("answered"));

        UUID broken = seeds.seedRingable(admin.customerId(), List.of(sip("sim:fail"), sip("sim:fail")), 0, 3);
        JsonPath failed = rings.ring(broken);
        Assertions.assertEquals("failed", failed.getString("status"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(broken).status);
        Assertions.assertEquals(0, seeds.reload(broken).missedRings, "a provider failure is not the agent's miss");
    }

    @Test
    void linearRingsOneAddressAfterAnother() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:busy:50"), sip("sim:answer:50")), 0, 3);
        seeds.setRingMethod(agent, RingMethod.LINEAR);
        JsonPath dispatched = rings.ring(agent);
        Assertions.assertEquals("pending", dispatched.getString("legs[1].status"), "the second address waits its turn");
        JsonPath answered = rings.await(dispatched.getString("id"), "the second leg to win", status("answered"));
        Instant firstEnded = Instant.parse(answered.getString("legs[0].tm_end"));
        Instant secondStarted = Instant.parse(answered.getString("legs[1].tm_originate"));
        Assertions.assertFalse(secondStarted.isBefore(firstEnded), "second leg originated after the first ended");
        Assertions.assertEquals(answered.getString("legs[1].id"), answered.getString("answered_leg_id"));
    }

    @Test
    void theSweeperEndsARingPastItsTimeout() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer"), sip("sim:no-answer")), 0, 3);
        JsonPath call = rings.ring(agent);
        String id = call.getString("id");
        rings.await(id, "legs originated", allOriginated(2));
        SweepWindow window = SweepWindow.open();
        seeds.moveInto(window, agent);
        Assertions.assertEquals(
                new SweepResult(0, 0, 0), agentCalls.sweep(window.now()), "the ring timeout has not run out");
        Assertions.assertEquals(
                new SweepResult(1, 0, 0), agentCalls.sweep(window.now().plusSeconds(120)));
        JsonPath swept = rings.get(id);
        Assertions.assertEquals("no_answer", swept.getString("status"));
        Assertions.assertEquals(List.of("canceled", "canceled"), swept.getList("legs.status"));
        Assertions.assertEquals("ring timeout", swept.getString("legs[0].end_reason"));
        Assertions.assertTrue(simulator.hungUp().containsAll(swept.getList("legs.provider_call_id")));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
        Assertions.assertEquals(
                new SweepResult(0, 0, 0), agentCalls.sweep(window.now().plusSeconds(120)));
        Assertions.assertEquals(swept.prettify(), rings.get(id).prettify(), "a second sweep changes nothing");
    }

    @Test
    void theCallerHangingUpCancelsEveryLegWithoutCountingAMiss() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:no-answer"), sip("sim:no-answer")), 0, 1);
        String id = rings.ring(agent).getString("id");
        rings.await(id, "legs originated", allOriginated(2));
        as(admin)
                .post("/v1.0/agentcalls/" + id + "/hangup")
                .then()
                .statusCode(200)
                .body("status", equalTo("canceled"))
                .body("legs.status", org.hamcrest.Matchers.everyItem(equalTo("canceled")));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
        Assertions.assertEquals(0, seeds.reload(agent).missedRings);
    }

    @Test
    void theCallerHangingUpAnAnsweredCallEndsItAndHangsUpTheAgentsLeg() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:answer:50"), sip("sim:no-answer")), 0, 3);
        String id = rings.ring(agent).getString("id");
        JsonPath answered = rings.await(id, "answer", status("answered"));
        as(admin)
                .post("/v1.0/agentcalls/" + id + "/hangup")
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("end_reason", equalTo("caller hung up"))
                .body("legs[0].status", equalTo("completed"));
        Assertions.assertTrue(
                simulator.hungUp().contains(answered.getString("legs[0].provider_call_id")),
                "the agent's phone is hung up");
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
        as(admin)
                .post("/v1.0/agentcalls/" + id + "/hangup")
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"));
    }

    @Test
    void wrapUpKeepsTheAgentBusyUntilTheSweeperReleasesIt() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:answer:50")), 30, 3);
        String id = rings.ring(agent).getString("id");
        JsonPath answered = rings.await(id, "answer", status("answered"));
        simulator.hangup(answered.getString("legs[0].provider_call_id"));
        rings.await(id, "the call to end", status("completed"));
        Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status);
        SweepWindow window = SweepWindow.open();
        seeds.moveInto(window, agent);
        Assertions.assertEquals(new SweepResult(0, 0, 0), agentCalls.sweep(window.now()), "wrap-up not over yet");
        Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status);
        Assertions.assertEquals(
                new SweepResult(0, 0, 1), agentCalls.sweep(window.now().plusSeconds(31)));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
    }

    @Test
    void anAnsweredCallWhoseEndNeverArrivesIsEndedAfterTheMaximumDuration() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:answer:50")), 0, 3);
        String id = rings.ring(agent).getString("id");
        JsonPath answered = rings.await(id, "answer", status("answered"));
        SweepWindow window = SweepWindow.open();
        seeds.moveInto(window, agent);
        Assertions.assertEquals(new SweepResult(0, 0, 0), agentCalls.sweep(window.now()));
        Assertions.assertEquals("answered", rings.get(id).getString("status"), "a fresh call is left alone");
        Assertions.assertEquals(
                new SweepResult(0, 1, 0), agentCalls.sweep(window.now().plus(Duration.ofHours(5))));
        JsonPath ended = rings.get(id);
        Assertions.assertEquals("completed", ended.getString("status"));
        Assertions.assertEquals("max call duration", ended.getString("end_reason"));
        Assertions.assertTrue(simulator.hungUp().contains(answered.getString("legs[0].provider_call_id")));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
    }

    @Test
    void aStatusTheAgentChoseDuringTheCallIsKept() {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip("sim:answer:50")), 0, 3);
        String id = rings.ring(agent).getString("id");
        JsonPath answered = rings.await(id, "answer", status("answered"));
        seeds.setStatus(agent, AgentStatus.AWAY);
        simulator.hangup(answered.getString("legs[0].provider_call_id"));
        rings.await(id, "the call to end", status("completed"));
        Assertions.assertEquals(AgentStatus.AWAY, seeds.reload(agent).status);
    }

    @Test
    void legsAreOriginatedInParallel() {
        UUID agent = seeds.seedRingable(
                admin.customerId(),
                IntStream.range(0, 10).mapToObj(i -> sip("sim:no-answer")).toList(),
                0,
                3);
        JsonPath call = rings.ring(agent);
        Assertions.assertEquals(10, call.getList("legs").size());
        UUID callId = UUID.fromString(call.getString("id"));
        List<SimulatorProvider.OriginationSpan> ours = simulator.recentOriginations().stream()
                .filter(origination -> origination.agentCallId().equals(callId))
                .toList();
        Assertions.assertEquals(10, ours.size());
        long lastStart = ours.stream()
                .mapToLong(SimulatorProvider.OriginationSpan::startNanos)
                .max()
                .orElseThrow();
        long firstEnd = ours.stream()
                .mapToLong(SimulatorProvider.OriginationSpan::endNanos)
                .min()
                .orElseThrow();
        Assertions.assertTrue(
                lastStart < firstEnd,
                "the last of this call's 10 originations began before the first ended: all were in flight at once");
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
