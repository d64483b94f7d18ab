package dev.agentbin.api.agentcall;

import static dev.agentbin.api.agentcall.RingTestSupport.allOriginated;
import static dev.agentbin.api.agentcall.RingTestSupport.sip;
import static dev.agentbin.api.agentcall.RingTestSupport.status;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several legs answering at the same instant, from concurrent threads straight into the service (the
 * Lambda mock serves one HTTP request at a time, deployed webhooks do not): exactly one winner every
 * time, every loser hung up, the agent never stuck.
 */
@QuarkusTest
class AnswerRaceTest {

    static final int TRIALS = 40;
    static final int LEGS = 5;

    @Inject
    TestAgents seeds;

    @Inject
    AgentCallService agentCalls;

    @Inject
    SimulatorProvider simulator;

    TestAgents.Seeded admin;
    RingTestSupport rings;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        rings = new RingTestSupport(admin);
        pool = Executors.newFixedThreadPool(LEGS);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void simultaneousAnswersHaveExactlyOneWinner() {
        UUID agent = seeds.seedRingable(
                admin.customerId(),
                IntStream.range(0, LEGS).mapToObj(i -> sip("sim:no-answer")).toList(),
                0,
                3);
        for (int trial = 0; trial < TRIALS; trial++) {
            String id = rings.ring(agent).getString("id");
            JsonPath ringing = rings.await(id, "legs originated", allOriginated(LEGS));
            List<String> legIds = ringing.getList("legs.id");
            List<String> callIds = ringing.getList("legs.provider_call_id");

            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> answers = IntStream.range(0, LEGS)
                    .mapToObj(i -> CompletableFuture.runAsync(
                            () -> {
                                await(start);
                                agentCalls.onLegEvent(
                                        SimulatorProvider.NAME,
                                        new LegEvent(
                                                UUID.fromString(legIds.get(i)),
                                                callIds.get(i),
                                                LegEvent.Kind.ANSWERED,
                                                "in-progress",
                                                Instant.now()));
                            },
                            pool))
                    .toList();
            start.countDown();
            answers.forEach(CompletableFuture::join);

            JsonPath answered = rings.get(id);
            Assertions.assertEquals("answered", answered.getString("status"), "trial " + trial);
            List<String> statuses = answered.getList("legs.status");
            Assertions.assertEquals(
                    1, statuses.stream().filter("answered"::equals).count(), "trial " + trial + ": " + statuses);
            Assertions.assertEquals(
                    LEGS - 1, statuses.stream().filter("canceled"::equals).count(), "trial " + trial + ": " + statuses);
            String winner = answered.getString("answered_leg_id");
            for (int i = 0; i < LEGS; i++) {
                if (!legIds.get(i).equals(winner)) {
                    Assertions.assertTrue(
                            simulator.hungUp().contains(callIds.get(i)),
                            "trial " + trial + ": loser " + i + " hung up");
                }
            }
            Assertions.assertFalse(simulator.hungUp().contains(callIds.get(legIds.indexOf(winner))), "winner stays up");
            Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status);

            simulator.hangup(callIds.get(legIds.indexOf(winner)));
            rings.await(id, "the call to end", status("completed"));
            Assertions.assertEquals(
                    AgentStatus.AVAILABLE, seeds.reload(agent).status, "trial " + trial + ": agent released");
        }
    }

    @Test
    void duplicateAndOutOfOrderEventsAreNoOps() {
        UUID agent = seeds.seedRingable(
                admin.customerId(), List.of(sip("sim:no-answer"), sip("sim:no-answer"), sip("sim:no-answer")), 0, 3);
        String id = rings.ring(agent).getString("id");
        JsonPath ringing = rings.await(id, "legs originated", allOriginated(3));
        List<String> legIds = ringing.getList("legs.id");
        List<String> callIds = ringing.getList("legs.provider_call_id");

        // Leg 0 ends before any answer reached us, then its late "answered" arrives: it must not win.
        event(legIds, callIds, 0, LegEvent.Kind.ENDED, "no-answer");
        event(legIds, callIds, 0, LegEvent.Kind.ANSWERED, "in-progress");
        Assertions.assertEquals("ringing", rings.get(id).getString("status"));
        Assertions.assertTrue(simulator.hungUp().contains(callIds.get(0)), "a late answer is hung up at once");

        // Leg 1 answers twice and rings after answering: one answer, counted once.
        event(legIds, callIds, 1, LegEvent.Kind.ANSWERED, "in-progress");
        event(legIds, callIds, 1, LegEvent.Kind.ANSWERED, "in-progress");
        event(legIds, callIds, 1, LegEvent.Kind.RINGING, "ringing");
        JsonPath answered = rings.get(id);
        Assertions.assertEquals(legIds.get(1), answered.getString("answered_leg_id"));
        Assertions.assertEquals("answered", answered.getString("legs[1].status"));
        Assertions.assertEquals(List.of("ended", "answered", "canceled"), answered.getList("legs.status"));

        // Leg 2 answers after losing: hung up, the call stays with leg 1.
        event(legIds, callIds, 2, LegEvent.Kind.ANSWERED, "in-progress");
        Assertions.assertEquals(legIds.get(1), rings.get(id).getString("answered_leg_id"));

        event(legIds, callIds, 1, LegEvent.Kind.ENDED, "completed");
        event(legIds, callIds, 1, LegEvent.Kind.ENDED, "completed");
        JsonPath done = rings.get(id);
        Assertions.assertEquals("completed", done.getString("status"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
        Assertions.assertEquals(0, seeds.reload(agent).missedRings);
    }

    private void event(List<String> legIds, List<String> callIds, int leg, LegEvent.Kind kind, String detail) {
        agentCalls.onLegEvent(
                SimulatorProvider.NAME,
                new LegEvent(UUID.fromString(legIds.get(leg)), callIds.get(leg), kind, detail, Instant.now()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
