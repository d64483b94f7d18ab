package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {

    @Test
    void theWaitDoublesFromTheBaseUpToTheMaximum() {
        DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(10), Duration.ofHours(1));
        assertEquals(
                List.of(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 3600L, 3600L),
                IntStream.rangeClosed(1, 11)
                        .mapToObj(backoff::after)
                        .map(Duration::toSeconds)
                        .toList());
    }

    @Test
    void neverBeyondWhatSqsAllowsNorOverflowingOnLateReceives() {
        DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofMinutes(10), Duration.ofDays(2));
        assertEquals(Duration.ofHours(12), backoff.after(1_000));
        assertEquals(Duration.ofMinutes(10), backoff.after(0));
    }
}
