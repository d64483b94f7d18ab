package dev.agentbin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.local.support.Http;
import dev.agentbin.local.support.ServerTimeline;
import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import dev.agentbin.local.support.Together;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The local app serves concurrent requests concurrently, as many Lambda instances would: requests sent
 * at once are handled at once. Shown with the server's own start and end of each request (the latest
 * start is before the earliest end), not with durations. Logins, because checking a password takes long
 * enough for eight requests sent together to be in the server together; behind a queue that serves one
 * request at a time (the Lambda mock event server) no round could ever overlap.
 */
@QuarkusTest
class ConcurrentHttpTest {

    static final int REQUESTS = 8;
    static final String PASSWORD = "a-long-password";
    /** Rounds to try: one in which every request overlaps every other is the proof. */
    static final int ROUNDS = 5;

    @Inject
    Tenants tenants;

    @Test
    void concurrentLoginsAreHandledAtTheSameTime() {
        Tenant tenant = tenants.create();
        // One agent per request: the login throttle rightly refuses many parallel attempts at one account.
        List<String> usernames = IntStream.range(0, REQUESTS)
                .mapToObj(i -> tenant.agentWithPassword(PASSWORD))
                .toList();
        List<Supplier<Http.Response>> logins = usernames.stream()
                .<Supplier<Http.Response>>map(username ->
                        () -> Http.post(null, "/auth/login", Map.of("username", username, "password", PASSWORD)))
                .toList();
        assertTrue(someRoundOverlaps(logins));
    }

    private static boolean someRoundOverlaps(List<Supplier<Http.Response>> requests) {
        try (Together together = new Together(REQUESTS)) {
            for (int round = 0; round < ROUNDS; round++) {
                List<Http.Response> responses = together.run(requests);
                List<String> probes = new ArrayList<>();
                for (Http.Response response : responses) {
                    assertEquals(200, response.status(), String.valueOf(response.body()));
                    probes.add(response.probe());
                }
                System.out.println("round " + round + ", server-side spans: " + ServerTimeline.describe(probes));
                if (ServerTimeline.allOverlap(probes)) {
                    return true;
                }
            }
            return false;
        }
    }
}
