package dev.agentbin.api.benchmark;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What one ring and one API request cost the database server, for docs/capacity.md: statements, their time
 * (pg_stat_statements) and the server's CPU time (all its processes, from /proc), per ring of each kind and
 * per request of each route the console polls or an integration calls. Rings are played as Twilio's
 * callbacks would come: per leg `initiated` and (from the simulator) `ringing`; the winner's `answered`
 * twice (the TwiML fetch, then the status callback, a no-op), its `completed`; the losers cancelled and
 * ended; a missed ring ends every leg `no-answer`; the sweeper releases the wrap-ups of a whole round at once,
 * as its one-minute run does. Requests go through the Lambda handler as in {@link WarmPathBenchmark}. Needs
 * a server with pg_stat_statements loaded and nothing else on it: run it with benchmarks/capacity.sh. A
 * benchmark: it asserts nothing but that the work succeeds, and runs only when asked (docs/benchmarks.md).
 */
@QuarkusTest
@TestProfile(AnswerRaceBenchmark.InProcess.class)
@Tag("benchmark")
class CapacityBenchmark {

    static final int AGENTS_PER_ROUND = Integer.getInteger("capacity.agents", 25);
    static final int ROUNDS = Integer.getInteger("capacity.rounds", 4);
    static final int REQUESTS = Integer.getInteger("capacity.requests", 300);
    static final int WARMUP = 50;
    static final long SETTLE_MS = 300;
    static final int WRAPUP_SECONDS = 1;
    /** Long enough that the simulator's own no-answer never comes while the benchmark runs. */
    static final int RING_TIMEOUT = 600;

    @Inject
    TestAgents seeds;

    @Inject
    AgentCallService agentCalls;

    @Inject
    SessionFactory sessions;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private final StringBuilder report = new StringBuilder(
            "case | runs | statements (Hibernate) | statements (server) | statement ms | server CPU ms | wall ms\n");

    @Test
    void capacity() throws Exception {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        seeds.seedMany(admin.customerId(), 50);
        try (Connection jdbc = DriverManager.getConnection(url, username, password)) {
            DatabaseCost cost = new DatabaseCost(jdbc);
            List<UUID> single = agents(admin, 1);
            List<UUID> triple = agents(admin, 3);
            idle(cost);

            rings(cost, "answered ring, 1 address", admin, single, true);
            rings(cost, "answered ring, 3 addresses", admin, triple, true);
            rings(cost, "missed ring, 1 address", admin, single, false);
            rings(cost, "missed ring, 3 addresses", admin, triple, false);

            for (int i = 0; i < 5; i++) {
                WarmPathBenchmark.invoke(WarmPathBenchmark.event(
                        "POST", "/v1.0/tags", "", admin.token(), "{\"name\":\"capacity " + i + "\"}"));
            }
            UUID agent = triple.get(0);
            AgentCall call = ring(admin, agent);
            String token = admin.token();
            String[] statuses = {"away", "available"};
            int[] turn = {0};
            request(cost, "GET /v1.0/me", () -> get("/v1.0/me", "", token));
            request(
                    cost,
                    "GET /v1.0/agentcalls?agent_id=&page_size=10",
                    () -> get("/v1.0/agentcalls", "agent_id=" + agent + "&page_size=10", token));
            request(cost, "GET /v1.0/agentcalls/{id}", () -> get("/v1.0/agentcalls/" + call.id(), "", token));
            request(cost, "GET /v1.0/agents?page_size=50", () -> get("/v1.0/agents", "page_size=50", token));
            request(cost, "GET /v1.0/agents/{id}", () -> get("/v1.0/agents/" + agent, "", token));
            request(cost, "GET /v1.0/tags?page_size=100", () -> get("/v1.0/tags", "page_size=100", token));
            request(cost, "GET /v1.0/agent_statistics/now", () -> get("/v1.0/agent_statistics/now", "", token));
            request(
                    cost,
                    "GET /v1.0/agents/{id}/statistics (today)",
                    () -> get("/v1.0/agents/" + agent + "/statistics", "", token));
            request(
                    cost,
                    "PUT /v1.0/service_agents/me/status",
                    () -> WarmPathBenchmark.event(
                            "PUT",
                            "/v1.0/service_agents/me/status",
                            "",
                            token,
                            "{\"status\":\"" + statuses[turn[0]++ % 2] + "\"}"));
        }
        System.out.println(report);
        Files.writeString(Path.of("target/capacity-benchmark.txt"), report);
    }

    private List<UUID> agents(TestAgents.Seeded admin, int addresses) {
        return IntStream.range(0, AGENTS_PER_ROUND)
                .mapToObj(n -> seeds.seedRingable(
                        admin.customerId(),
                        IntStream.range(0, addresses)
                                .mapToObj(a -> new Address(
                                        AddressType.SIP,
                                        "capacity-" + UUID.randomUUID() + "@pbx.example.com",
                                        null,
                                        null,
                                        "sim:no-answer",
                                        null))
                                .toList(),
                        WRAPUP_SECONDS,
                        0))
                .toList();
    }

    /** The server's own background work (WAL writer, checkpointer, autovacuum) while nothing runs, per second. */
    private void idle(DatabaseCost cost) throws Exception {
        int seconds = 10;
        DatabaseCost.Reading before = cost.read();
        Thread.sleep(seconds * 1000L);
        line("idle server, per second", seconds, 0, cost.read().minus(before), Double.NaN);
    }

    /** One warm-up round, then {@link #ROUNDS} measured, each ringing every agent once. */
    private void rings(DatabaseCost cost, String name, TestAgents.Seeded admin, List<UUID> agents, boolean answered)
            throws Exception {
        DatabaseCost.Reading total = new DatabaseCost.Reading(0, 0, 0);
        long hibernate = 0;
        for (int round = 0; round <= ROUNDS; round++) {
            sessions.getStatistics().clear();
            DatabaseCost.Reading before = cost.read();
            List<AgentCall> calls = new ArrayList<>();
            for (UUID agent : agents) {
                calls.add(ring(admin, agent));
            }
            each(calls, leg -> event(leg, LegEvent.Kind.INITIATED, "initiated"));
            Thread.sleep(SETTLE_MS);
            if (answered) {
                for (AgentCall call : calls) {
                    AgentCallLeg winner = call.legs().get(0);
                    event(winner, LegEvent.Kind.ANSWERED, "in-progress");
                    event(winner, LegEvent.Kind.ANSWERED, "in-progress");
                }
                Thread.sleep(SETTLE_MS);
                for (AgentCall call : calls) {
                    event(call.legs().get(0), LegEvent.Kind.ENDED, "completed");
                }
                Thread.sleep(WRAPUP_SECONDS * 1000L + SETTLE_MS);
                agentCalls.sweep(Instant.now());
            } else {
                each(calls, leg -> event(leg, LegEvent.Kind.ENDED, "no-answer"));
            }
            Thread.sleep(SETTLE_MS);
            if (round > 0) {
                total = total.plus(cost.read().minus(before));
                hibernate += sessions.getStatistics().getPrepareStatementCount();
            }
        }
        // A round's wall time is mostly its settle pauses, not a cost: not reported for rings.
        line(name, ROUNDS * agents.size(), hibernate, total, Double.NaN);
    }

    private AgentCall ring(TestAgents.Seeded admin, UUID agent) {
        return agentCalls.dispatch(
                new RingRequest(agent, admin.customerId(), "+15550001000", null, RING_TIMEOUT, null, null),
                "capacity-" + UUID.randomUUID());
    }

    private void request(DatabaseCost cost, String name, Supplier<String> event) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            WarmPathBenchmark.invoke(event.get());
        }
        sessions.getStatistics().clear();
        DatabaseCost.Reading before = cost.read();
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            WarmPathBenchmark.invoke(event.get());
        }
        long wall = System.nanoTime() - start;
        line(
                name,
                REQUESTS,
                sessions.getStatistics().getPrepareStatementCount(),
                cost.read().minus(before),
                wall / 1e6 / REQUESTS);
    }

    private void line(String name, int runs, long hibernate, DatabaseCost.Reading total, double wallMs) {
        report.append(String.format(
                "%s | %d | %.1f | %.1f | %.3f | %.2f | %s%n",
                name,
                runs,
                (double) hibernate / runs,
                (double) total.statements() / runs,
                total.statementMs() / runs,
                total.cpuMs() / runs,
                Double.isNaN(wallMs) ? "-" : String.format("%.2f", wallMs)));
    }

    private static void each(List<AgentCall> calls, Consumer<AgentCallLeg> action) {
        calls.forEach(call -> call.legs().forEach(action));
    }

    private void event(AgentCallLeg leg, LegEvent.Kind kind, String detail) {
        agentCalls.onLegEvent(
                SimulatorProvider.NAME, new LegEvent(leg.id(), leg.providerCallId(), kind, detail, Instant.now()));
    }

    private static String get(String path, String query, String token) {
        return WarmPathBenchmark.event("GET", path, query, token, null);
    }
}
