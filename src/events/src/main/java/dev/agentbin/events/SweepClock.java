package dev.agentbin.events;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The time ringall-sweeper sweeps at: the system's, in UTC. A test of the handler gives it a clock of its own. */
@Singleton
public class SweepClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
