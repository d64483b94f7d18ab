package dev.agentbin.agentcall;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The local run's stand-in for the scheduled ringall-sweeper function: sweeps every
 * agentbin.ring.local-sweep-interval. Unset (as in AWS and in tests), it does nothing.
 */
@ApplicationScoped
public class LocalRingSweeper {

    private static final Logger LOG = Logger.getLogger(LocalRingSweeper.class);

    private final AgentCallService agentCalls;
    private final Optional<Duration> interval;
    private ScheduledExecutorService timer;

    public LocalRingSweeper(AgentCallService agentCalls,
            @ConfigProperty(name = "agentbin.ring.local-sweep-interval") Optional<Duration> interval) {
        this.agentCalls = agentCalls;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        interval.ifPresent(every -> {
            timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sweep() {
        try {
            SweepResult result = agentCalls.sweep(Instant.now());
            if (result.timedOut() + result.callsExpired() + result.wrapUpsReleased() > 0) {
                LOG.infof("swept: %s", result);
            }
        } catch (RuntimeException e) {
            LOG.warn("local sweep failed", e);
        }
    }
}
