package dev.agentbin.api.benchmark;

import static dev.agentbin.api.support.Api.as;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Dispatch time (POST /v1.0/agentcalls until its 202) against a provider whose every origination takes
 * a fixed 200 ms, for 1, 5 and 10 addresses. Parallel origination keeps it near one latency whatever
 * the number of legs. A benchmark, not a test: it asserts nothing and runs only when asked (docs/benchmarks.md).
 */
@QuarkusTest
@TestProfile(DispatchBenchmark.FixedLatency.class)
@Tag("benchmark")
class DispatchBenchmark {

    static final int RUNS = 7;

    public static class FixedLatency implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("agentbin.telephony.simulator.originate-latency", "200ms");
        }
    }

    @Inject
    TestAgents seeds;

    @Test
    void dispatchTimeByNumberOfAddresses() throws IOException {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        StringBuilder report = new StringBuilder("addresses | median ms | min ms | max ms | sequential would be\n");
        for (int addresses : List.of(1, 5, 10)) {
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < RUNS + 1; run++) {
                UUID agent = seeds.seedRingable(
                        admin.customerId(),
                        IntStream.range(0, addresses)
                                .mapToObj(i -> new Address(
                                        AddressType.SIP,
                                        "b" + UUID.randomUUID() + "@pbx.example.com",
                                        null,
                                        null,
                                        "sim:no-answer",
                                        null))
                                .toList(),
                        0,
                        0);
                long start = System.nanoTime();
                String id = as(admin)
                        .body(Map.of("agent_id", agent, "source", "+15550001000"))
                        .post("/v1.0/agentcalls")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id");
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                as(admin).post("/v1.0/agentcalls/" + id + "/hangup").then().statusCode(200);
                if (run > 0) {
                    millis.add(elapsed);
                }
            }
            Collections.sort(millis);
            report.append(String.format(
                    "%d | %d | %d | %d | %d%n",
                    addresses,
                    millis.get(millis.size() / 2),
                    millis.get(0),
                    millis.get(millis.size() - 1),
                    addresses * 200));
        }
        System.out.println(report);
        Files.writeString(Path.of("target/dispatch-benchmark.txt"), report);
    }
}
