package dev.agentbin.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The time services stamp their changes with and the sweeper sweeps at: the system's, in UTC. A test that
 * scripts time enables a settable Clock of its own as an alternative.
 */
@Singleton
public class SystemClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
