package dev.agentbin.local;

import dev.agentbin.events.RingAllDispatchHandler;
import dev.agentbin.events.WebhookDeliveryHandler;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;

/**
 * The local run's SQS event source mappings, as the stack wires them in AWS: the ring queue feeds
 * ringall-dispatch, the event queue feeds webhook-delivery. Timeouts are the functions' in functions.yaml.
 */
@ApplicationScoped
public class LocalEventSources {

    private final List<QueueEventSource> sources;

    public LocalEventSources(RingAllDispatchHandler dispatch, WebhookDeliveryHandler delivery, LocalSettings settings) {
        this.sources = List.of(
                new QueueEventSource("ringall-dispatch", Duration.ofSeconds(30), dispatch, settings.ringQueue()),
                new QueueEventSource("webhook-delivery", Duration.ofSeconds(30), delivery, settings.eventQueue()));
    }

    void start(@Observes StartupEvent event) {
        sources.forEach(QueueEventSource::start);
    }

    void stop(@Observes ShutdownEvent event) {
        sources.forEach(QueueEventSource::stop);
    }
}
