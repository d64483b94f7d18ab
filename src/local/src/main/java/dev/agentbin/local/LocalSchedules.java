package dev.agentbin.local;

import com.amazonaws.services.lambda.runtime.Context;
import dev.agentbin.common.SyntheticLambdaContext;
import dev.agentbin.events.EventsRelayHandler;
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

/**
 * The scheduled functions, locally: the same handlers as in AWS, ringall-sweeper every
 * agentbin.local.sweep-interval and events-relay every agentbin.local.relay-interval.
 */
@ApplicationScoped
public class LocalSchedules {

    private static final Logger LOG = Logger.getLogger(LocalSchedules.class);
    /** The functions' timeouts in functions.yaml. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final RingAllSweeperHandler sweeper;
    private final EventsRelayHandler relay;
    private final LocalSettings settings;
    private ScheduledExecutorService schedule;

    public LocalSchedules(RingAllSweeperHandler sweeper, EventsRelayHandler relay, LocalSettings settings) {
        this.sweeper = sweeper;
        this.relay = relay;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        schedule = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "local-schedule");
            thread.setDaemon(true);
            return thread;
        });
        every(settings.sweepInterval(), "ringall-sweeper", context -> sweeper.handleRequest(Map.of(), context));
        every(settings.relayInterval(), "events-relay", context -> relay.handleRequest(Map.of(), context));
    }

    private void every(Duration interval, String function, java.util.function.Consumer<Context> run) {
        schedule.scheduleWithFixedDelay(
                () -> invoke(function, run), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void invoke(String function, java.util.function.Consumer<Context> run) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            run.accept(SyntheticLambdaContext.invocation(function, TIMEOUT));
        } catch (RuntimeException e) {
            // A failed run is what a failed scheduled invocation is in AWS: the next one catches up.
            LOG.warnf(e, "%s failed; the next run catches up", function);
        } finally {
            requestContext.terminate();
        }
    }
}
