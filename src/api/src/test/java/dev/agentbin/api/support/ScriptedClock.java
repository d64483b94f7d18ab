package dev.agentbin.api.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The app's clock where a test scripts time ({@link Profile}): it stands where the test puts it, so every
 * ring start, status change and sweep happens at a moment the test chose and figures made of them are exact.
 */
@Alternative
@Singleton
public class ScriptedClock extends Clock {

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

    /** The test profile that makes this the app's clock. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedClock.class);
        }
    }
}
