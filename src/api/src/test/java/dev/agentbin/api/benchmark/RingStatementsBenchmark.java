package dev.agentbin.api.benchmark;

import dev.agentbin.access.Caller;
import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallLeg;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SQL statements one ring costs, by what happens to it: dispatched (the claim, the agentcall and its leg,
 * the origination, the provider's ringing event), answered, the answered call ended (the wrap-up starts), the
 * wrap-up over (the sweeper), and a ring missed or canceled by the caller instead. Statements prepared, from
 * Hibernate's statistics, over {@value #RINGS} rings of an agent with one address. A count does not depend on
 * the machine's load as a time does, so it shows what a change adds to the hot ring path (issue 20: the status
 * history and the daily rollups) even on a shared machine. Each step waits {@value #SETTLE_MS} ms for what it
 * sets off in the background (the simulator's events, the after-commit work), which is counted with it. A
 * benchmark: it asserts nothing and runs only when asked (docs/benchmarks.md).
 */
@QuarkusTest
@TestProfile(AnswerRaceBenchmark.InProcess.class)
@Tag("benchmark")
class RingStatementsBenchmark {

    static final int RINGS = 20;
    static final long SETTLE_MS = 300;

    @Inject
    TestAgents seeds;

    @Inject
    AgentCallService agentCalls;

    @Inject
    SessionFactory sessions;

    private final Map<String, List<Long>> counts = new LinkedHashMap<>();

    @Test
    void statementsPerRing() throws Exception {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        Caller caller = new Caller(admin.id(), admin.customerId(), Permission.CUSTOMER_ADMIN, 0);
        UUID agent = seeds.seedRingable(
                admin.customerId(),
                List.of(new Address(
                        AddressType.SIP,
                        "count-" + UUID.randomUUID() + "@pbx.example.com",
                        null,
                        null,
                        "sim:no-answer",
                        null)),
                1,
                0);
        for (int ring = 0; ring < RINGS + 1; ring++) {
            boolean counted = ring > 0;
            AgentCallLeg leg = dispatch(admin, agent, counted).legs().get(0);
            count("answered", counted, () -> leg(leg, LegEvent.Kind.ANSWERED, "in-progress"));
            count("answered call ends (wrap-up starts)", counted, () -> leg(leg, LegEvent.Kind.ENDED, "completed"));
            Thread.sleep(1_000);
            count("wrap-up over (sweeper)", counted, () -> agentCalls.sweep(Instant.now()));

            AgentCallLeg missed = dispatch(admin, agent, false).legs().get(0);
            count("missed (no leg answered)", counted, () -> leg(missed, LegEvent.Kind.ENDED, "no-answer"));

            AgentCall canceled = dispatch(admin, agent, false);
            count("canceled by the caller", counted, () -> agentCalls.hangup(caller, canceled.id()));
        }
        StringBuilder report = new StringBuilder("step | statements (median of " + RINGS + " rings) | min | max\n");
        counts.forEach((step, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            report.append(String.format(
                    "%s | %d | %d | %d%n",
                    step, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1)));
        });
        System.out.println(report);
        Files.writeString(Path.of("target/ring-statements-benchmark.txt"), report);
    }

    private AgentCall dispatch(TestAgents.Seeded admin, UUID agent, boolean counted) throws InterruptedException {
        AgentCall[] call = new AgentCall[1];
        count(
                "dispatched (claim, agentcall, leg, origination, ringing)",
                counted,
                () -> call[0] = agentCalls.dispatch(
                        new RingRequest(agent, admin.customerId(), "+15550001000", null, 60, null, null),
                        "count-" + UUID.randomUUID()));
        return call[0];
    }

    private void leg(AgentCallLeg leg, LegEvent.Kind kind, String detail) {
        agentCalls.onLegEvent(
                SimulatorProvider.NAME, new LegEvent(leg.id(), leg.providerCallId(), kind, detail, Instant.now()));
    }

    private void count(String step, boolean counted, Runnable action) throws InterruptedException {
        var statistics = sessions.getStatistics();
        statistics.clear();
        action.run();
        Thread.sleep(SETTLE_MS);
        if (counted) {
            counts.computeIfAbsent(step, s -> new ArrayList<>()).add(statistics.getPrepareStatementCount());
        }
    }
}
