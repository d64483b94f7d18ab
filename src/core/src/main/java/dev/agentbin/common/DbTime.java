package dev.agentbin.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time a service stamps a row with, from the one injected {@link Clock}: cut to microseconds, what
 * PostgreSQL's timestamptz keeps, so a time read back equals the time written and answered.
 */
public final class DbTime {

    private DbTime() {}

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
