package dev.agentbin.api.benchmark;

import dev.agentbin.access.Caller;
import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallLeg;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.AgentCallStatus;
import dev.agentbin.agentcall.LegStatus;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Answer races: 10,000 trials (-Drace.trials to change), each ringing an agent with 2 to 10 addresses and
 * then answering every leg at the same instant from its own thread, straight into the service as
 * concurrent webhook invocations would. Counts trials with other than exactly one answered leg, with a leg
 * still live after the race, or with the agent not busy; after each trial the winner hangs up and the
 * agent must be available again; at the end no agent of the run may be ringing. Reports trials per second.
 * A benchmark: it runs only when asked (docs/benchmarks.md); it fails only on a broken invariant, never on
 * time.
 */
@QuarkusTest
@TestProfile(AnswerRaceBenchmark.InProcess.class)
@Tag("benchmark")
class AnswerRaceBenchmark {

    static final int TRIALS = Integer.getInteger("race.trials", 10_000);
    static final int MIN_LEGS = 2;
    static final int MAX_LEGS = 10;

    /** Simulator events handed over in-process, originations instant: the race is all that is measured. */
    public static class InProcess implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "agentbin.telephony.simulator.callback-base-url",
                    "",
                    "agentbin.telephony.simulator.originate-latency",
                    "0ms");
        }
    }

    @Inject
    TestAgents seeds;

    @Inject
    AgentCallService agentCalls;

    @Inject
    SimulatorProvider simulator;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void simultaneousAnswers() throws Exception {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        Caller caller = new Caller(admin.id(), admin.customerId(), Permission.CUSTOMER_ADMIN, 0);
        List<UUID> agents = IntStream.rangeClosed(MIN_LEGS, MAX_LEGS)
                .mapToObj(legs -> seeds.seedRingable(
                        admin.customerId(),
                        IntStream.range(0, legs)
                                .mapToObj(i -> new Address(
                                        AddressType.SIP,
                                        "race-" + UUID.randomUUID() + "@pbx.example.com",
                                        null,
                                        null,
                                        "sim:no-answer",
                                        null))
                                .toList(),
                        0,
                        3))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(MAX_LEGS);
        List<String> violations = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int trial = 0; trial < TRIALS; trial++) {
                int legs = MIN_LEGS + trial % (MAX_LEGS - MIN_LEGS + 1);
                UUID agent = agents.get(legs - MIN_LEGS);
                AgentCall ringing = agentCalls.dispatch(
                        new RingRequest(agent, admin.customerId(), "+15550001000", null, 60, null, null),
                        "race-" + UUID.randomUUID());
                List<AgentCallLeg> legList = ringing.legs();

                CyclicBarrier atOnce = new CyclicBarrier(legs);
                List<CompletableFuture<Void>> answers = legList.stream()
                        .map(leg -> CompletableFuture.runAsync(
                                () -> {
                                    await(atOnce);
                                    agentCalls.onLegEvent(
                                            SimulatorProvider.NAME,
                                            new LegEvent(
                                                    leg.id(),
                                                    leg.providerCallId(),
                                                    LegEvent.Kind.ANSWERED,
                                                    "in-progress",
                                                    Instant.now()));
                                },
                                pool))
                        .toList();
                answers.forEach(CompletableFuture::join);

                AgentCall answered = agentCalls.get(caller, ringing.id());
                long winners = answered.legs().stream()
                        .filter(leg -> leg.status() == LegStatus.ANSWERED)
                        .count();
                long live = answered.legs().stream()
                        .filter(leg -> LegStatus.LIVE.contains(leg.status()))
                        .count();
                if (answered.status() != AgentCallStatus.ANSWERED
                        || winners != 1
                        || live != 0
                        || seeds.reload(agent).status != AgentStatus.BUSY) {
                    violations.add("trial " + trial + ": " + answered.status() + ", legs "
                            + answered.legs().stream().map(AgentCallLeg::status).toList() + ", agent "
                            + seeds.reload(agent).status);
                }
                AgentCallLeg winner = answered.legs().stream()
                        .filter(leg -> leg.id().equals(answered.answeredLegId()))
                        .findFirst()
                        .orElseThrow();
                agentCalls.onLegEvent(
                        SimulatorProvider.NAME,
                        new LegEvent(
                                winner.id(), winner.providerCallId(), LegEvent.Kind.ENDED, "completed", Instant.now()));
                if (seeds.reload(agent).status != AgentStatus.AVAILABLE) {
                    violations.add(
                            "trial " + trial + ": agent " + seeds.reload(agent).status + " after the call ended");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long ringingLeft;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from agent_agents where customer_id = ? and status = 'ringing'")) {
            count.setObject(1, admin.customerId());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                ringingLeft = rows.getLong(1);
            }
        }

        String report = String.format(
                "trials | legs | seconds | trials/s | violations | agents left ringing%n"
                        + "%d | %d-%d | %.1f | %.0f | %d | %d%n",
                TRIALS, MIN_LEGS, MAX_LEGS, seconds, TRIALS / seconds, violations.size(), ringingLeft);
        System.out.println(report);
        Files.writeString(Path.of("target/answer-race-benchmark.txt"), report + String.join("\n", violations));
        Assertions.assertEquals(List.of(), violations.subList(0, Math.min(10, violations.size())));
        Assertions.assertEquals(0, ringingLeft, "agents left ringing");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
