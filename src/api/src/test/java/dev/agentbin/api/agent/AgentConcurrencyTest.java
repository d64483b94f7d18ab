package dev.agentbin.api.agent;

import static dev.agentbin.api.support.Api.as;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uniqueness holds under concurrent writers because the database, not a prior read, enforces it. */
@QuarkusTest
class AgentConcurrencyTest {

    static final int WRITERS = 8;

    @Inject
    TestAgents seeds;

    TestAgents.Seeded admin;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void parallelCreatesWithOneUsernameLetExactlyOneWin() {
        for (int round = 0; round < 3; round++) {
            String username = AgentCrudTest.email();
            List<Integer> codes = race(i -> as(admin)
                    .body(AgentCrudTest.createBody(i % 2 == 0 ? username : username.toUpperCase(), List.of()))
                    .post("/v1.0/agents")
                    .statusCode());
            Assertions.assertEquals(1, codes.stream().filter(c -> c == 200).count(), "codes " + codes);
            Assertions.assertEquals(
                    WRITERS - 1, codes.stream().filter(c -> c == 409).count(), "codes " + codes);
        }
    }

    @Test
    void parallelClaimsOfOneAddressLetExactlyOneAgentOwnIt() {
        List<String> agents = IntStream.range(0, WRITERS)
                .mapToObj(i -> as(admin)
                        .body(AgentCrudTest.createBody(AgentCrudTest.email(), List.of()))
                        .post("/v1.0/agents")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("id"))
                .toList();
        Map<String, Object> body = Map.of("addresses", List.of(Map.of("type", "tel", "target", "+15557654321")));
        List<Integer> codes = race(i -> as(admin)
                .body(body)
                .put("/v1.0/agents/" + agents.get(i) + "/addresses")
                .statusCode());
        Assertions.assertEquals(1, codes.stream().filter(c -> c == 200).count(), "codes " + codes);
        Assertions.assertEquals(
                WRITERS - 1, codes.stream().filter(c -> c == 409).count(), "codes " + codes);
    }

    /** Runs WRITERS requests released at the same instant and returns their status codes. */
    private List<Integer> race(java.util.function.IntFunction<Integer> request) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> futures = IntStream.range(0, WRITERS)
                .mapToObj(i -> CompletableFuture.supplyAsync(awaiting(start, () -> request.apply(i)), pool))
                .toList();
        start.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static <T> Supplier<T> awaiting(CountDownLatch start, Supplier<T> body) {
        return () -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return body.get();
        };
    }
}
