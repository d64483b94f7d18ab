package dev.agentbin.local;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Races through real HTTP, each side on its own thread released by one barrier, and counted as overlapped
 * when the server was handling both requests at the same time (see {@link ServerTimeline}).
 */
@QuarkusTest
class RingRaceTest {

    static final int TRIALS = 100;
    static final int LEGS = 5;

    @Inject
    Tenants tenants;

    @Inject
    SimulatorSettings simulatorSettings;

    @Test
    void twoSimultaneousRingsOfOneAgentGiveExactlyOne202AndOne409() {
        Tenant tenant = tenants.create();
        String agent = tenant.ringableAgent("sim:no-answer", "sim:no-answer");
        int overlapped = 0;
        try (Together together = new Together(2)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                List<Http.Response> rings = together.run(() -> tenant.ring(agent), () -> tenant.ring(agent));
                List<Integer> statuses =
                        rings.stream().map(Http.Response::status).sorted().toList();
                assertEquals(List.of(202, 409), statuses, "trial " + trial + ": " + rings);
                Http.Response refused = rings.stream()
                        .filter(r -> r.status() == 409)
                        .findFirst()
                        .orElseThrow();
                assertEquals("AGENT_NOT_AVAILABLE", refused.reason(), "trial " + trial);
                if (ServerTimeline.allOverlap(
                        rings.stream().map(Http.Response::probe).toList())) {
                    overlapped++;
                }
                String call = rings.stream()
                        .filter(r -> r.status() == 202)
                        .findFirst()
                        .orElseThrow()
                        .text("id");
                endAndAwaitAvailable(tenant, agent, call);
            }
        }
        System.out.printf(
                "two rings of one agent: %d trials, exactly one 202 each time; both requests in the server at once in %d%n",
                TRIALS, overlapped);
        assertTrue(overlapped > 0, "the two requests never overlapped in the server");
    }

    @Test
    void simultaneousSignedAnswersOnEveryLegHaveExactlyOneWinner() {
        Tenant tenant = tenants.create();
        String agent = tenant.ringableAgent(
                IntStream.range(0, LEGS).mapToObj(i -> "sim:no-answer").toArray(String[]::new));
        int overlapped = 0;
        try (Together together = new Together(LEGS)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                String call = ring(tenant, agent);
                List<Webhooks.Leg> legs = Webhooks.legs(awaitOriginated(tenant, call, LEGS));

                List<Supplier<Http.Response>> answers = new ArrayList<>();
                legs.forEach(leg -> answers.add(() -> Webhooks.answered(simulatorSettings.secret(), leg)));
                List<Http.Response> responses = together.run(answers);
                responses.forEach(r -> assertEquals(204, r.status(), String.valueOf(r.body())));
                if (ServerTimeline.allOverlap(
                        responses.stream().map(Http.Response::probe).toList())) {
                    overlapped++;
                }

                JsonNode answered = tenant.agentCall(call);
                assertEquals("answered", answered.path("status").asText(), "trial " + trial);
                List<String> legStatuses = new ArrayList<>();
                answered.path("legs")
                        .forEach(leg -> legStatuses.add(leg.path("status").asText()));
                assertEquals(
                        1,
                        legStatuses.stream().filter("answered"::equals).count(),
                        "trial " + trial + ": " + legStatuses);
                assertEquals(
                        LEGS - 1,
                        legStatuses.stream().filter("canceled"::equals).count(),
                        "trial " + trial + ": " + legStatuses);
                assertEquals("busy", tenant.agentStatus(agent), "trial " + trial);
                endAndAwaitAvailable(tenant, agent, call);
            }
        }
        System.out.printf(
                "answers on %d legs at once: %d trials, exactly one winner each time; all %d in the server at once in %d%n",
                LEGS, TRIALS, LEGS, overlapped);
        assertTrue(overlapped > 0, "the answers never overlapped in the server");
    }

    static String ring(Tenant tenant, String agent) {
        Http.Response ring = tenant.ring(agent);
        assertEquals(202, ring.status(), String.valueOf(ring.body()));
        return ring.text("id");
    }

    static JsonNode awaitOriginated(Tenant tenant, String call, int legs) {
        return Await.until("every leg originated", () -> tenant.agentCall(call), c -> Webhooks.allOriginated(c, legs));
    }

    /** The caller hangs up; with wrap-up 0 the agent is available again once the legs' ends are in. */
    static void endAndAwaitAvailable(Tenant tenant, String agent, String call) {
        assertEquals(200, tenant.hangup(call).status());
        Await.until(
                "the agentcall to end",
                () -> tenant.agentCall(call),
                c -> !List.of("ringing", "answered").contains(c.path("status").asText()));
        Await.until("the agent to be available", () -> tenant.agentStatus(agent), "available"::equals);
    }
}
