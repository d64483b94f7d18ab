package dev.agentbin.api.support;

import dev.agentbin.testing.SettableClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The test profile in which the app's clock is a {@link SettableClock} the test scripts. */
public class ScriptedClockProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SettableClock.class);
    }
}
