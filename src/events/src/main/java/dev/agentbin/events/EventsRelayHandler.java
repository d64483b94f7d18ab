package dev.agentbin.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.agentbin.event.EventRelay;
import dev.agentbin.observe.LogContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * events-relay: run every minute by a schedule. Relays whatever the writers' after-commit relay did not
 * (their process died or froze after the commit, the queue or the bus refused), so a committed event
 * always goes out; then drops relayed rows older than a week. Safe to overlap with itself and with the
 * writers' relays (rows are claimed with SKIP LOCKED).
 */
// @Singleton (what the Lambda extension makes a handler anyway) makes it a bean in src/local too, which runs it without
// Lambda.
@Singleton
@Named("events-relay")
public class EventsRelayHandler implements RequestHandler<Map<String, Object>, EventsRelayHandler.Run> {

    static final Duration KEEP_RELAYED = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(EventsRelayHandler.class);

    /** What a run did (the function's answer). */
    public record Run(int claimed, int queued, int published, int refused, int purged) {}

    private final EventRelay relay;

    @Inject
    public EventsRelayHandler(EventRelay relay) {
        this.relay = relay;
    }

    @Override
    public Run handleRequest(Map<String, Object> input, Context context) {
        if (!relay.enabled()) {
            throw new IllegalStateException(
                    "agentbin.events.queue-url (AGENTBIN_EVENTS_QUEUE_URL) is not set: nothing can be relayed");
        }
        try (LogContext.Scope invocation = LogContext.invocation(context == null ? null : context.getAwsRequestId())) {
            EventRelay.Result result = relay.relayAll();
            int purged = relay.purgeRelayedBefore(Instant.now().minus(KEEP_RELAYED));
            Run run = new Run(result.claimed(), result.queued(), result.published(), result.refused(), purged);
            if (result.claimed() > 0 || purged > 0) {
                LOG.infof("relay: %s", run);
            }
            if (result.refused() > 0) {
                LOG.warnf(
                        "relay: %d send(s) refused by the queue or the bus; they stay in the outbox for the next run",
                        result.refused());
            }
            return run;
        }
    }
}
