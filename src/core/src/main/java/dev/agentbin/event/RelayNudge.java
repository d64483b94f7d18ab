package dev.agentbin.event;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Relays soon after a commit that wrote events, on one background thread, so an event does not wait
 * for the relay's schedule. Nudges that arrive while a relay is queued fold into it. Best effort by
 * design: whatever this misses (the process dies, Lambda freezes it, the queue is down) stays in the
 * outbox for the scheduled events-relay function.
 */
@ApplicationScoped
public class RelayNudge {

    private static final Logger LOG = Logger.getLogger(RelayNudge.class);

    private final EventRelay relay;
    private final boolean enabled;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "event-relay");
        t.setDaemon(true);
        return t;
    });

    public RelayNudge(EventRelay relay, EventSettings settings) {
        this.relay = relay;
        this.enabled = settings.relayAfterCommit() && relay.enabled();
    }

    void committed() {
        if (enabled && queued.compareAndSet(false, true)) {
            thread.execute(this::relay);
        }
    }

    private void relay() {
        queued.set(false);
        try {
            relay.relayAll();
        } catch (RuntimeException e) {
            LOG.warn("relaying events after commit failed; the scheduled relay will send them", e);
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
