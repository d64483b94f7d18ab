package dev.agentbin.local;

import dev.agentbin.events.RingAllSweeperHandler;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** The ringall-sweeper function's schedule, locally: the same handler, every agentbin.local.sweep-interval. */
@ApplicationScoped
public class ScheduledSweeper {

    private static final Logger LOG = Logger.getLogger(ScheduledSweeper.class);
    private static final String FUNCTION = "ringall-sweeper";
    /** ringall-sweeper's timeout in functions.yaml. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final RingAllSweeperHandler handler;
    private final Duration interval;
    private ScheduledExecutorService schedule;

    public ScheduledSweeper(RingAllSweeperHandler handler, LocalSettings settings) {
        this.handler = handler;
        this.interval = settings.sweepInterval();
    }

    void start(@Observes StartupEvent event) {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, FUNCTION + "-schedule");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void sweep() {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            handler.handleRequest(Map.of(), new LocalLambdaContext(FUNCTION, TIMEOUT));
        } catch (RuntimeException e) {
            // A failed run is what a failed scheduled invocation is in AWS: the next one catches up.
            LOG.warn("ringall-sweeper failed; the next run catches up", e);
        } finally {
            requestContext.terminate();
        }
    }
}
