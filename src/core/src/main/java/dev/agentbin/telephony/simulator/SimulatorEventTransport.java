package dev.agentbin.telephony.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.LegEventSink;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * How the simulator's events reach agentbin: the way a real provider's do, as signed webhooks to
 * {@value #EVENTS_PATH} when a callback base URL is set, or straight to the {@link LegEventSink} otherwise.
 * Webhooks go out asynchronously, so no thread waits on one and an event is never held back by other
 * calls' webhooks; the in-process sink runs on the delivery pool. Every sent event is recorded in the
 * diagnostics with its lateness against the script.
 */
final class SimulatorEventTransport {

    static final String EVENTS_PATH = "/v1.0/telephony/simulator/events";
    private static final Logger LOG = Logger.getLogger(SimulatorEventTransport.class);

    private final SimulatorSettings settings;
    private final Instance<LegEventSink> sink;
    private final ObjectMapper json;
    private final Executor delivery;
    private final SimulatorDiagnostics diagnostics;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param delivery runs the in-process sink and starts each call's deliveries off the call's lock */
    SimulatorEventTransport(
            SimulatorSettings settings,
            Instance<LegEventSink> sink,
            ObjectMapper json,
            Executor delivery,
            SimulatorDiagnostics diagnostics) {
        this.settings = settings;
        this.sink = sink;
        this.json = json;
        this.delivery = delivery;
        this.diagnostics = diagnostics;
    }

    /** Runs a call's delivery loop on the delivery pool; rejected once the simulator stops. */
    void execute(Runnable task) {
        delivery.execute(task);
    }

    /** Sends one event that was due at {@code dueNanos}; completes once it was delivered or given up on. */
    CompletableFuture<Void> send(LegEvent event, long dueNanos) {
        long sentNanos = System.nanoTime();
        CompletableFuture<Boolean> accepted = settings.callbackBaseUrl()
                .map(baseUrl -> post(baseUrl, event))
                .orElseGet(() -> CompletableFuture.supplyAsync(
                        () -> {
                            sink.get().onLegEvent(SimulatorProvider.NAME, event);
                            return true;
                        },
                        delivery));
        return accepted.exceptionally(e -> {
                    LOG.warnf(e, "simulated %s event for leg %s was not delivered", event.kind(), event.legId());
                    return false;
                })
                .thenAccept(ok -> diagnostics.delivered(new SimulatorProvider.Delivery(
                        event.legId(),
                        event.kind(),
                        event.detail(),
                        Duration.ofNanos(sentNanos - dueNanos),
                        Duration.ofNanos(System.nanoTime() - dueNanos),
                        ok)));
    }

    /** Completes with whether the webhook accepted the event. */
    private CompletableFuture<Boolean> post(String baseUrl, LegEvent event) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(SimulatorEvent.of(event));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + EVENTS_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SimulatorSignature.HEADER, SimulatorSignature.sign(settings.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
            if (response.statusCode() >= 300) {
                LOG.warnf("simulator webhook answered %d for leg %s", response.statusCode(), event.legId());
                return false;
            }
            return true;
        });
    }
}
