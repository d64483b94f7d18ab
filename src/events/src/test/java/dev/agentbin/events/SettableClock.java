package dev.agentbin.events;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The app's clock in the sweeper's handler test (enabled by {@link HandlerProfiles.Sweeper}): it stands at the
 * moment the test sets, so the handler sweeps the test's own window (dev.agentbin.testing.SweepWindow).
 */
@Alternative
@Singleton
public class SettableClock extends Clock {

    private volatile Instant now = Instant.now();

    public void set(Instant now) {
        this.now = now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
