package dev.agentbin.telephony.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.LegEventSink;
import dev.agentbin.telephony.Origination;
import dev.agentbin.telephony.TelephonyException;
import dev.agentbin.telephony.TelephonyProvider;
import dev.agentbin.telephony.TelephonySettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A telephony provider that runs in-process, for local runs, demos, tests and load tests. Each
 * address behaves as its {@link SimulatedBehaviour} says, and the resulting events travel the way a
 * real provider's do: signed webhooks to /v1.0/telephony/simulator/events when a callback base URL is
 * set, or straight to the {@link LegEventSink} otherwise. Its timers live in this process, so it does
 * not suit a deployed Lambda, which freezes between invocations.
 */
@ApplicationScoped
public class SimulatorProvider implements TelephonyProvider {

    public static final String NAME = "simulator";
    static final String EVENTS_PATH = "/v1.0/telephony/simulator/events";
    private static final Logger LOG = Logger.getLogger(SimulatorProvider.class);
    private static final long RINGING_AFTER_MILLIS = 20;

    private final TelephonySettings.Simulator settings;
    private final Instance<LegEventSink> sink;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "telephony-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, SimulatedCall> calls = new ConcurrentHashMap<>();
    private final Set<String> hungUp = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public SimulatorProvider(TelephonySettings settings, Instance<LegEventSink> sink, ObjectMapper json) {
        this.settings = settings.simulator();
        this.sink = sink;
        this.json = json.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Idempotent per leg: the call id is derived from the leg id, and a leg is simulated once. */
    @Override
    public String originate(Origination origination) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            sleep(settings.originateLatency());
        } finally {
            inFlight.decrementAndGet();
        }
        SimulatedBehaviour behaviour = SimulatedBehaviour.of(origination.to().detail());
        if (behaviour.kind() == SimulatedBehaviour.Kind.FAIL) {
            throw new TelephonyException("simulated origination failure for " + origination.to().target());
        }
        String callId = "SIM" + origination.legId().toString().replace("-", "");
        SimulatedCall call = new SimulatedCall(origination.legId(), callId);
        if (calls.putIfAbsent(callId, call) == null) {
            call.schedule(() -> emit(call, LegEvent.Kind.RINGING, "ringing"), RINGING_AFTER_MILLIS);
            switch (behaviour.kind()) {
                case ANSWER -> call.schedule(() -> answered(call), behaviour.afterMillis());
                case BUSY -> call.schedule(() -> end(call, "busy"), behaviour.afterMillis());
                default -> call.schedule(() -> end(call, "no-answer"), origination.ringTimeoutSeconds() * 1000L);
            }
        }
        return callId;
    }

    /**
     * Ends the call; its event follows on the simulator's own thread, as a provider's callback would,
     * so the caller never waits on the webhook it is itself part of.
     */
    @Override
    public void hangup(String providerCallId) {
        hungUp.add(providerCallId);
        SimulatedCall call = calls.get(providerCallId);
        if (call != null) {
            timers.execute(() -> end(call, call.answered ? "completed" : "canceled"));
        }
    }

    /** Answers a ringing simulated call, as a person picking up would. */
    public void answer(String callId) {
        SimulatedCall call = calls.get(callId);
        if (call != null) {
            timers.execute(() -> answered(call));
        }
    }

    private synchronized void answered(SimulatedCall call) {
        if (!call.ended && !call.answered) {
            call.answered = true;
            emit(call, LegEvent.Kind.ANSWERED, "in-progress");
        }
    }

    /** The calls this provider was asked to hang up (for tests and diagnostics). */
    public Set<String> hungUp() {
        return Set.copyOf(hungUp);
    }

    /** The most originations that were in flight at once since start (shows that legs go out in parallel). */
    public int maxConcurrentOriginations() {
        return maxInFlight.get();
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }

    private synchronized void end(SimulatedCall call, String detail) {
        if (call.ended) {
            return;
        }
        call.ended = true;
        call.cancelTimers();
        emit(call, LegEvent.Kind.ENDED, detail);
    }

    private void emit(SimulatedCall call, LegEvent.Kind kind, String detail) {
        LegEvent event = new LegEvent(call.legId, call.callId, kind, detail, Instant.now());
        try {
            if (settings.callbackBaseUrl().isPresent()) {
                post(settings.callbackBaseUrl().get(), event);
            } else {
                sink.get().onLegEvent(NAME, event);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "simulated %s event for leg %s was not delivered", kind, call.legId);
        }
    }

    private void post(String baseUrl, LegEvent event) {
        try {
            byte[] body = json.writeValueAsBytes(SimulatorEvent.of(event));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + EVENTS_PATH))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(SimulatorSignature.HEADER, SimulatorSignature.sign(settings.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                LOG.warnf("simulator webhook answered %d for leg %s", response.statusCode(), event.legId());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new TelephonyException("simulator webhook unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelephonyException("interrupted", e);
        }
    }

    private static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelephonyException("interrupted while originating", e);
        }
    }

    private final class SimulatedCall {
        private final UUID legId;
        private final String callId;
        private final List<ScheduledFuture<?>> timersOfCall = new CopyOnWriteArrayList<>();
        private volatile boolean answered;
        private volatile boolean ended;

        SimulatedCall(UUID legId, String callId) {
            this.legId = legId;
            this.callId = callId;
        }

        void schedule(Runnable action, long afterMillis) {
            timersOfCall.add(timers.schedule(action, afterMillis, TimeUnit.MILLISECONDS));
        }

        void cancelTimers() {
            timersOfCall.forEach(timer -> timer.cancel(false));
        }
    }
}
