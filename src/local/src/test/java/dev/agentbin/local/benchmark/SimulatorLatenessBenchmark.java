package dev.agentbin.local.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentbin.local.support.Http;
import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import dev.agentbin.local.support.Together;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How late the simulator's events are against their scripts under load, through the local app: 50 rings of
 * 5 legs each sent at once over HTTP, every event a signed webhook back into the app. Two latenesses per
 * event, from its scripted moment: until its webhook was sent (the simulator's own, what must stay small
 * for a load test to measure agentbin) and until the webhook answered (the event applied: includes
 * agentbin's own time under that load). Scripted events: each leg's
 * ringing (20 ms), the busy ends (400 and 700 ms) and the answer (1500 ms); the losers' cancellations follow
 * the answer and are reported apart. A benchmark, not a test: it asserts nothing and runs only when asked
 * (docs/benchmarks.md).
 */
@QuarkusTest
@Tag("benchmark")
class SimulatorLatenessBenchmark {

    static final int RINGS = 50;
    static final String[] SCRIPT = {"sim:busy:400", "sim:busy:700", "sim:answer:1500", "sim:no-answer", "sim:no-answer"
    };

    @Inject
    Tenants tenants;

    @Inject
    SimulatorProvider simulator;

    @Test
    void latenessOfFiftyConcurrentRingsOfFiveLegs() throws IOException {
        Tenant tenant = tenants.create();
        round(tenant, 10); // warm-up
        Result result = round(tenant, RINGS);
        String report = String.format(
                """
                rings: %d x %d legs, sent at once
                scripted events: %d
                  sent (webhook out) after the script, ms: median %d, p90 %d, p99 %d, max %d
                  applied (webhook answered) after the script, ms: median %d, p90 %d, max %d
                  applied, median ms by kind: ringing %d, busy %d, answered %d
                cancellations after the answer: %d, ms after it was decided: median %d, max %d
                busy legs cancelled instead of ending busy (reordered): %d
                """,
                RINGS,
                SCRIPT.length,
                result.scripted.size(),
                pct(result.sending, 50),
                pct(result.sending, 90),
                pct(result.sending, 99),
                pct(result.sending, 100),
                pct(result.scripted, 50),
                pct(result.scripted, 90),
                pct(result.scripted, 100),
                pct(result.ringing, 50),
                pct(result.busy, 50),
                pct(result.answered, 50),
                result.cancellations.size(),
                pct(result.cancellations, 50),
                pct(result.cancellations, 100),
                result.reordered);
        System.out.println(report);
        Files.writeString(Path.of("target/simulator-benchmark.txt"), report);
    }

    private record Result(
            List<Long> scripted,
            List<Long> sending,
            List<Long> ringing,
            List<Long> busy,
            List<Long> answered,
            List<Long> cancellations,
            int reordered) {}

    private Result round(Tenant tenant, int rings) {
        List<String> agents = IntStream.range(0, rings)
                .mapToObj(i -> tenant.ringableAgent(SCRIPT))
                .toList();
        List<String> calls = new ArrayList<>();
        try (Together together = new Together(rings)) {
            List<Supplier<Http.Response>> requests = agents.stream()
                    .<Supplier<Http.Response>>map(a -> () -> tenant.ring(a))
                    .toList();
            for (Http.Response response : together.run(requests)) {
                if (response.status() != 202) {
                    throw new AssertionError("ring refused: " + response.body());
                }
                calls.add(response.text("id"));
            }
        }
        Set<String> legIds = new HashSet<>();
        int reordered = 0;
        for (String call : calls) {
            JsonNode settled = Await.until("every leg of " + call + " settled", () -> tenant.agentCall(call), c -> {
                for (JsonNode leg : c.path("legs")) {
                    if (!Set.of("answered", "ended", "canceled")
                            .contains(leg.path("status").asText())) {
                        return false;
                    }
                }
                return "answered".equals(c.path("status").asText());
            });
            for (int i = 0; i < SCRIPT.length; i++) {
                JsonNode leg = settled.path("legs").get(i);
                legIds.add(leg.path("id").asText());
                if (SCRIPT[i].startsWith("sim:busy")
                        && !"ended".equals(leg.path("status").asText())) {
                    reordered++;
                }
            }
        }
        calls.forEach(tenant::hangup);
        List<Long> scripted = new ArrayList<>();
        List<Long> sending = new ArrayList<>();
        List<Long> ringing = new ArrayList<>();
        List<Long> busy = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        List<Long> cancellations = new ArrayList<>();
        for (SimulatorProvider.Delivery delivery : simulator.recentDeliveries()) {
            if (!legIds.contains(delivery.legId().toString())) {
                continue;
            }
            long millis = delivery.appliedLate().toMillis();
            if (delivery.kind() == LegEvent.Kind.ENDED && "canceled".equals(delivery.detail())) {
                cancellations.add(millis);
            } else if (delivery.kind() != LegEvent.Kind.ENDED || "busy".equals(delivery.detail())) {
                scripted.add(millis);
                sending.add(delivery.sentLate().toMillis());
                (switch (delivery.kind()) {
                            case RINGING -> ringing;
                            case ANSWERED -> answered;
                            default -> busy;
                        })
                        .add(millis);
            }
        }
        return new Result(scripted, sending, ringing, busy, answered, cancellations, reordered);
    }

    private static long pct(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
