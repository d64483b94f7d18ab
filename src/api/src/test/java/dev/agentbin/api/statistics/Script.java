package dev.agentbin.api.statistics;

import static dev.agentbin.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallLeg;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.AgentCallStatus;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.testing.SettableClock;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rings and status changes at moments a test chooses, through the real services: the admin's API for
 * agents, statuses and hang-ups, the agentcall service for rings, provider events and sweeps. Addresses
 * ring with the simulator's "no-answer" (it never answers by itself, and its own late events change
 * nothing that matters here); the test answers and ends legs with provider events of its own time.
 */
final class Script {

    static final String RINGS = "sim:no-answer";
    static final String FAILS = "sim:fail";

    private final SettableClock clock;
    private final AgentCallService agentCalls;
    private final TestAgents.Seeded admin;

    Script(SettableClock clock, AgentCallService agentCalls, TestAgents.Seeded admin) {
        this.clock = clock;
        this.agentCalls = agentCalls;
        this.admin = admin;
    }

    /** Everything that follows happens at {@code t}. */
    Script at(Instant t) {
        clock.set(t);
        return this;
    }

    /** A new agent of the admin's customer (offline, as every new agent), ringing a simulated address, never set away by misses. */
    UUID agent(int wrapupSeconds) {
        return agent(wrapupSeconds, 0);
    }

    UUID agent(int wrapupSeconds, int maxNoAnswer) {
        return UUID.fromString(as(admin)
                .body(Map.of(
                        "username",
                        "stats-" + UUID.randomUUID() + "@example.com",
                        "password",
                        TestAgents.PASSWORD,
                        "name",
                        "scripted",
                        "wrapup_seconds",
                        wrapupSeconds,
                        "max_no_answer",
                        maxNoAnswer,
                        "addresses",
                        List.of(address(RINGS))))
                .post("/v1.0/agents")
                .then()
                .statusCode(200)
                .extract()
                .path("id"));
    }

    /** The agent's status as the API shows it. */
    String statusOf(UUID agent) {
        return as(admin)
                .get("/v1.0/agents/" + agent)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    void status(UUID agent, String status) {
        as(admin)
                .body(Map.of("status", status))
                .put("/v1.0/agents/" + agent + "/status")
                .then()
                .statusCode(200);
    }

    void addresses(UUID agent, String behaviour) {
        as(admin)
                .body(Map.of("addresses", List.of(address(behaviour))))
                .put("/v1.0/agents/" + agent + "/addresses")
                .then()
                .statusCode(200);
    }

    AgentCall ring(UUID agent) {
        return agentCalls.dispatch(
                new RingRequest(agent, admin.customerId(), "+15550001000", null, 600, null, null),
                "stats:" + UUID.randomUUID());
    }

    /** The agent's leg picks up at {@code t}: the call is answered. */
    void answer(AgentCall call, Instant t) {
        event(call, LegEvent.Kind.ANSWERED, "answered", t);
        expect(call, AgentCallStatus.ANSWERED);
    }

    /** The answered call ends at {@code t}. */
    void end(AgentCall call, Instant t) {
        event(call, LegEvent.Kind.ENDED, "completed", t);
        expect(call, AgentCallStatus.COMPLETED);
    }

    /** The leg ends unanswered at {@code t}: nobody answered. */
    void noAnswer(AgentCall call, Instant t) {
        event(call, LegEvent.Kind.ENDED, "no-answer", t);
        expect(call, AgentCallStatus.NO_ANSWER);
    }

    /** The caller gives up, now, while it rings. */
    void cancel(AgentCall call) {
        as(admin).post("/v1.0/agentcalls/" + call.id() + "/hangup").then().statusCode(200);
        expect(call, AgentCallStatus.CANCELED);
    }

    /** The caller hangs up the answered call, now. */
    void callerEnds(AgentCall call) {
        as(admin).post("/v1.0/agentcalls/" + call.id() + "/hangup").then().statusCode(200);
        expect(call, AgentCallStatus.COMPLETED);
    }

    /** The sweeper runs at {@code t}: ends rings past their deadline, frees agents whose wrap-up is over. */
    void sweep(Instant t) {
        at(t);
        agentCalls.sweep(t);
    }

    /** GET /v1.0/agents/{id}/statistics as the admin; a null date is left out. */
    JsonPath statistics(UUID agent, String from, String to) {
        var request = as(admin);
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        return request.get("/v1.0/agents/" + agent + "/statistics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private void event(AgentCall call, LegEvent.Kind kind, String detail, Instant t) {
        AgentCallLeg leg = call.legs().get(0);
        agentCalls.onLegEvent(SimulatorProvider.NAME, new LegEvent(leg.id(), null, kind, detail, t));
    }

    private void expect(AgentCall call, AgentCallStatus status) {
        as(admin).get("/v1.0/agentcalls/" + call.id()).then().statusCode(200).body("status", equalTo(status.wire()));
    }

    private static Map<String, String> address(String behaviour) {
        return Map.of("type", "sip", "target", "agent-" + UUID.randomUUID() + "@pbx.example.com", "detail", behaviour);
    }
}
