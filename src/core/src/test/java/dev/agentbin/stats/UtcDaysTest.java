package dev.agentbin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time in a status is counted on the UTC day it was spent. */
class UtcDaysTest {

    static final LocalDate D1 = LocalDate.parse("2026-03-01");

    @Test
    void aStretchWithinOneDayIsOneShare() {
        assertEquals(
                List.of(new UtcDays.Share(D1, 90_500)),
                UtcDays.split(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:01:30.500Z")));
    }

    @Test
    void aStretchAcrossMidnightsIsCutThere() {
        assertEquals(
                List.of(
                        new UtcDays.Share(D1, 10_000),
                        new UtcDays.Share(D1.plusDays(1), 86_400_000),
                        new UtcDays.Share(D1.plusDays(2), 5_000)),
                UtcDays.split(Instant.parse("2026-03-01T23:59:50Z"), Instant.parse("2026-03-03T00:00:05Z")));
        assertEquals(
                List.of(new UtcDays.Share(D1, 86_400_000)),
                UtcDays.split(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z")),
                "midnight to midnight");
    }

    @Test
    void nothingWhenTheEndIsNotAfterTheStart() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        assertEquals(List.of(), UtcDays.split(t, t));
        assertEquals(List.of(), UtcDays.split(t, t.minusSeconds(1)));
    }

    @Test
    void withinCountsOnlyTheWindowsDays() {
        Instant from = Instant.parse("2026-02-28T23:00:00Z");
        Instant to = Instant.parse("2026-03-02T01:00:00Z");
        assertEquals(86_400_000, UtcDays.within(from, to, D1, D1));
        assertEquals(86_400_000 + 3_600_000, UtcDays.within(from, to, D1, D1.plusDays(5)));
        assertEquals(0, UtcDays.within(from, to, D1.plusDays(2), D1.plusDays(3)));
        assertEquals(0, UtcDays.within(to, from, D1, D1));
    }
}
