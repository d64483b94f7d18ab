package dev.agentbin.local;

import static dev.agentbin.local.RingRaceTest.awaitOriginated;
import static dev.agentbin.local.RingRaceTest.ring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentbin.local.support.Http;
import dev.agentbin.local.support.ServerTimeline;
import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import dev.agentbin.local.support.Together;
import dev.agentbin.local.support.Webhooks;
import dev.agentbin.telephony.simulator.SimulatorSettings;
import dev.agentbin.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A call's lifecycle racing the agent's: whoever wins, the agent ends in a state the status rules allow.
 * The rules: ring-driven changes apply only while that agentcall holds the agent; a manual status change
 * always applies and releases the hold; an agent with a live agentcall cannot be deleted (409 AGENT_IN_CALL).
 */
@QuarkusTest
class LifecycleRaceTest {

    static final int TRIALS = 30;

    @Inject
    Tenants tenants;

    @Inject
    SimulatorSettings simulatorSettings;

    @Test
    void aHangupRacingAnAnswerLeavesTheAgentAvailable() {
        Tenant tenant = tenants.create();
        String agent = tenant.ringableAgent("sim:no-answer", "sim:no-answer");
        int overlapped = 0;
        int answeredFirst = 0;
        try (Together together = new Together(2)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                String call = ring(tenant, agent);
                Webhooks.Leg leg =
                        Webhooks.legs(awaitOriginated(tenant, call, 2)).get(0);

                List<Http.Response> race = together.run(
                        () -> tenant.hangup(call), () -> Webhooks.answered(simulatorSettings.secret(), leg));
                assertEquals(
                        200,
                        race.get(0).status(),
                        "trial " + trial + ": hangup " + race.get(0).body());
                assertEquals(
                        204,
                        race.get(1).status(),
                        "trial " + trial + ": answer " + race.get(1).body());
                overlapped += ServerTimeline.allOverlap(probes(race)) ? 1 : 0;

                JsonNode ended = Await.until(
                        "the agentcall to end",
                        () -> tenant.agentCall(call),
                        c -> Set.of("canceled", "completed")
                                .contains(c.path("status").asText()));
                if ("completed".equals(ended.path("status").asText())) {
                    answeredFirst++;
                    assertEquals(
                            leg.id(),
                            ended.path("answered_leg_id").asText(),
                            "trial " + trial + ": answered, then hung up");
                } else {
                    assertTrue(
                            ended.path("answered_leg_id").isMissingNode()
                                    || ended.path("answered_leg_id").isNull(),
                            "trial " + trial + ": canceled before any answer: " + ended);
                }
                Await.until(
                        "trial " + trial + ": the agent available again (wrap-up 0)",
                        () -> tenant.agentStatus(agent),
                        "available"::equals);
            }
        }
        System.out.printf(
                "hangup racing answer: completed (answered, then hung up) %d, canceled %d%n",
                answeredFirst, TRIALS - answeredFirst);
        report("hangup racing answer", overlapped);
    }

    @Test
    void aDeleteRacingARingEitherRefusesTheDeleteOrTheRing() {
        Tenant tenant = tenants.create();
        int overlapped = 0;
        int deleted = 0;
        try (Together together = new Together(2)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                String agent = tenant.ringableAgent("sim:no-answer");
                List<Http.Response> race = together.run(() -> tenant.ring(agent), () -> tenant.deleteAgent(agent));
                Http.Response ring = race.get(0);
                Http.Response delete = race.get(1);
                overlapped += ServerTimeline.allOverlap(probes(race)) ? 1 : 0;
                if (delete.status() == 200) {
                    deleted++;
                    assertTrue(
                            Set.of(404, 409).contains(ring.status()),
                            "trial " + trial + ": deleted, yet rung: " + ring.body());
                } else {
                    assertEquals(
                            202,
                            ring.status(),
                            "trial " + trial + ": neither went through: " + ring.body() + " / " + delete.body());
                    assertEquals(409, delete.status(), "trial " + trial);
                    assertEquals("AGENT_IN_CALL", delete.reason(), "trial " + trial);
                    assertEquals("ringing", tenant.agentStatus(agent), "trial " + trial + ": the ring goes on");
                    tenant.hangup(ring.text("id"));
                }
            }
        }
        System.out.printf("delete racing ring: %d trials, %d deletes won%n", TRIALS, deleted);
        report("delete racing ring", overlapped);
    }

    @Test
    void aStatusChangeRacingAnAnswerNeverLeavesTheAgentRinging() {
        Tenant tenant = tenants.create();
        String agent = tenant.ringableAgent("sim:no-answer", "sim:no-answer");
        int overlapped = 0;
        int away = 0;
        try (Together together = new Together(2)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                String call = ring(tenant, agent);
                Webhooks.Leg leg =
                        Webhooks.legs(awaitOriginated(tenant, call, 2)).get(0);

                List<Http.Response> race = together.run(
                        () -> tenant.setStatus(agent, "away"),
                        () -> Webhooks.answered(simulatorSettings.secret(), leg));
                assertEquals(
                        200,
                        race.get(0).status(),
                        "trial " + trial + ": status " + race.get(0).body());
                assertEquals(
                        204,
                        race.get(1).status(),
                        "trial " + trial + ": answer " + race.get(1).body());
                overlapped += ServerTimeline.allOverlap(probes(race)) ? 1 : 0;

                String status = tenant.agentStatus(agent);
                assertTrue(
                        Set.of("away", "busy").contains(status), "trial " + trial + ": " + status + " (never ringing)");
                away += "away".equals(status) ? 1 : 0;

                tenant.hangup(call);
                Await.until(
                        "the agentcall to end",
                        () -> tenant.agentCall(call),
                        c -> !Set.of("ringing", "answered")
                                .contains(c.path("status").asText()));
                assertEquals(200, tenant.setStatus(agent, "available").status());
            }
        }
        System.out.printf("status change racing answer: away %d, busy %d%n", away, TRIALS - away);
        report("status change racing answer", overlapped);
    }

    private static List<String> probes(List<Http.Response> responses) {
        return responses.stream().map(Http.Response::probe).toList();
    }

    private static void report(String race, int overlapped) {
        System.out.printf(
                "%s: %d trials, the agent in an allowed state each time; both requests in the server at once in %d%n",
                race, TRIALS, overlapped);
        assertTrue(overlapped > 0, race + ": the two requests never overlapped in the server");
    }
}
