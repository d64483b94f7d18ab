package dev.agentbin.testing;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The app's clock where a test scripts time (a test profile enables this alternative): it stands where the test
 * puts it, so every ring start, status change and sweep happens at a moment the test chose.
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
