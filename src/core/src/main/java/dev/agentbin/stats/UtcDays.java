package dev.agentbin.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Statistics count by UTC day: which day an instant falls on, and how a stretch of time splits at midnight. */
public final class UtcDays {

    private UtcDays() {}

    /** One day's share of a stretch of time, in whole milliseconds. */
    public record Share(LocalDate day, long millis) {}

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** [from, to) cut at each UTC midnight, oldest day first; empty when to is not after from. */
    public static List<Share> split(Instant from, Instant to) {
        List<Share> shares = new ArrayList<>(1);
        Instant start = from;
        while (start.isBefore(to)) {
            LocalDate day = dayOf(start);
            Instant end = min(to, startOf(day.plusDays(1)));
            shares.add(new Share(day, Duration.between(start, end).toMillis()));
            start = end;
        }
        return shares;
    }

    /** Milliseconds of [from, to) that fall within the days first..last (both inclusive). */
    public static long within(Instant from, Instant to, LocalDate first, LocalDate last) {
        Instant start = max(from, startOf(first));
        Instant end = min(to, startOf(last.plusDays(1)));
        return start.isBefore(end) ? Duration.between(start, end).toMillis() : 0;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
