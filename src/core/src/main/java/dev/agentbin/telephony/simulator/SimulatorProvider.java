package dev.agentbin.telephony.simulator;

import dev.agentbin.common.StrictJson;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.LegEventSink;
import dev.agentbin.telephony.Origination;
import dev.agentbin.telephony.ProviderCallback;
import dev.agentbin.telephony.TelephonyException;
import dev.agentbin.telephony.TelephonyProvider;
import dev.agentbin.telephony.WebhookReply;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A telephony provider that runs in-process, for local runs, demos, tests and load tests. Each
 * address behaves as its {@link SimulatedBehaviour} says ({@link SimulatedCall} plays it), and the
 * resulting events travel the way a real provider's do ({@link SimulatorEventTransport}). Its timers
 * live in this process, so it does not suit a deployed Lambda, which freezes between invocations.
 *
 * <p>So that a load test through it measures agentbin and not the simulator, events go out at their
 * scripted times and in order per call, whatever the load: one clock thread only keeps time, each call
 * sends its own events one after another, different calls send in parallel, and there is no
 * provider-wide lock. {@link #recentDeliveries()} tells how late each event was against its script,
 * {@link #recentOriginations()} when each origination was in flight.
 */
@ApplicationScoped
public class SimulatorProvider implements TelephonyProvider {

    public static final String NAME = "simulator";
    /** Threads for the in-process sink, and to start each call's deliveries off the call's lock. */
    private static final int DELIVERY_THREADS = 8;

    /**
     * One delivered event: how long after its scripted time it was sent (the simulator's own lateness) and
     * applied (its webhook answered, i.e. agentbin took it in), and whether it was accepted.
     */
    public record Delivery(
            UUID legId, LegEvent.Kind kind, String detail, Duration sentLate, Duration appliedLate, boolean accepted) {}

    /** One origination, from when it was asked for to when the simulator answered it (System.nanoTime). */
    public record OriginationSpan(UUID agentCallId, UUID legId, long startNanos, long endNanos) {}

    private final SimulatorSettings settings;
    private final SimulatorWebhook webhook;
    private final ScheduledExecutorService clock =
            Executors.newSingleThreadScheduledExecutor(daemon("telephony-simulator-clock"));
    private final ThreadPoolExecutor delivery = new ThreadPoolExecutor(
            DELIVERY_THREADS,
            DELIVERY_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemon("telephony-simulator-webhook"));
    private final SimulatorDiagnostics diagnostics = new SimulatorDiagnostics();
    private final SimulatorEventTransport transport;
    private final Map<String, SimulatedCall> calls = new ConcurrentHashMap<>();

    public SimulatorProvider(SimulatorSettings settings, Instance<LegEventSink> sink, StrictJson json) {
        this.settings = settings;
        this.webhook = new SimulatorWebhook(settings.secret(), json.mapper());
        this.transport = new SimulatorEventTransport(settings, sink, json.mapper(), delivery, diagnostics);
        delivery.allowCoreThreadTimeOut(true);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Idempotent per leg: the call id is derived from the leg id, and a leg is simulated once. */
    @Override
    public String originate(Origination origination) {
        long start = System.nanoTime();
        try {
            sleep(settings.originateLatency());
        } finally {
            diagnostics.originated(
                    new OriginationSpan(origination.agentCallId(), origination.legId(), start, System.nanoTime()));
        }
        SimulatedBehaviour behaviour = SimulatedBehaviour.of(origination.to().detail());
        if (behaviour.kind() == SimulatedBehaviour.Kind.FAIL) {
            throw new TelephonyException(
                    "simulated origination failure for " + origination.to().target());
        }
        String callId = "SIM" + origination.legId().toString().replace("-", "");
        SimulatedCall call = new SimulatedCall(origination.legId(), callId, System.nanoTime(), clock, transport);
        if (calls.putIfAbsent(callId, call) == null) {
            call.script(behaviour, origination.ringTimeoutSeconds(), origination.confirmation());
        }
        return callId;
    }

    /**
     * Ends the call; its event follows on the simulator's own threads, as a provider's callback would,
     * so the caller never waits on the webhook it is itself part of.
     */
    @Override
    public void hangup(String providerCallId) {
        diagnostics.hangupAsked(providerCallId);
        SimulatedCall call = calls.get(providerCallId);
        if (call != null) {
            call.hangUp();
        }
    }

    @Override
    public WebhookReply onWebhook(ProviderCallback request, LegEventSink sink) {
        return webhook.handle(request, sink);
    }

    /** Answers a ringing simulated call, as a person picking up would. */
    public void answer(String callId) {
        SimulatedCall call = calls.get(callId);
        if (call != null) {
            call.answer(System.nanoTime());
        }
    }

    /** The calls this provider was asked to hang up (for tests and diagnostics). */
    public Set<String> hungUp() {
        return diagnostics.hungUp();
    }

    /** The last {@value SimulatorDiagnostics#RECENT} originations, oldest first (shows whether one call's legs went out in parallel). */
    public List<OriginationSpan> recentOriginations() {
        return diagnostics.recentOriginations();
    }

    /** The last {@value SimulatorDiagnostics#RECENT} delivered events, oldest first (for load tests and diagnostics). */
    public List<Delivery> recentDeliveries() {
        return diagnostics.recentDeliveries();
    }

    @PreDestroy
    void stop() {
        clock.shutdownNow();
        delivery.shutdownNow();
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

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
