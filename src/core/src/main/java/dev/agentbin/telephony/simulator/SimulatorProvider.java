package dev.agentbin.telephony.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.common.StrictJson;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.LegEventSink;
import dev.agentbin.telephony.Origination;
import dev.agentbin.telephony.TelephonyException;
import dev.agentbin.telephony.TelephonyProvider;
import dev.agentbin.telephony.WebhookReply;
import dev.agentbin.telephony.WebhookRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * A telephony provider that runs in-process, for local runs, demos, tests and load tests. Each
 * address behaves as its {@link SimulatedBehaviour} says, and the resulting events travel the way a
 * real provider's do: signed webhooks to /v1.0/telephony/simulator/events when a callback base URL is
 * set, or straight to the {@link LegEventSink} otherwise. Its timers live in this process, so it does
 * not suit a deployed Lambda, which freezes between invocations.
 *
 * <p>So that a load test through it measures agentbin and not the simulator, events go out at their
 * scripted times and in order per call, whatever the load:
 * <ul>
 * <li>one clock thread only keeps time: when a step is due it changes the call's state under that
 * call's own lock and queues the resulting event; it never waits on a webhook;</li>
 * <li>each call sends its queued events one after another, the next once the previous one's webhook
 * answered, so a call's events arrive in the order its state changed (ringing, answered, ended; an end
 * never overtakes an earlier answer), while different calls send in parallel. Webhooks are sent
 * asynchronously: no thread waits on one, so no call waits for another's. There is no provider-wide
 * lock.</li>
 * </ul>
 * {@link #recentDeliveries()} tells how late each event was against its script, {@link #recentOriginations()}
 * when each origination was in flight.
 */
@ApplicationScoped
public class SimulatorProvider implements TelephonyProvider {

    public static final String NAME = "simulator";
    static final String EVENTS_PATH = "/v1.0/telephony/simulator/events";
    private static final Logger LOG = Logger.getLogger(SimulatorProvider.class);
    private static final long RINGING_AFTER_MILLIS = 20;
    /** A person presses the key this long after answering (prompt included). */
    private static final long KEY_PRESS_MILLIS = 300;
    /** Machine detection decides this long after the answer. */
    private static final long DETECTION_MILLIS = 300;
    /** How long a leg that must be confirmed waits for the key before the provider hangs up (as Twilio's Gather). */
    private static final long CONFIRM_WINDOW_MILLIS = 5_000;
    /** Threads for the in-process sink, and to start each call's deliveries off the call's lock. */
    private static final int DELIVERY_THREADS = 8;
    private static final int RECENT = 10_000;

    /**
     * One delivered event: how long after its scripted time it was sent (the simulator's own lateness) and
     * applied (its webhook answered, i.e. agentbin took it in), and whether it was accepted.
     */
    public record Delivery(UUID legId, LegEvent.Kind kind, String detail, Duration sentLate, Duration appliedLate, boolean accepted) {
    }

    /** One origination, from when it was asked for to when the simulator answered it (System.nanoTime). */
    public record OriginationSpan(UUID agentCallId, UUID legId, long startNanos, long endNanos) {
    }

    private final SimulatorSettings settings;
    private final SimulatorWebhook webhook;
    private final Instance<LegEventSink> sink;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("telephony-simulator-clock"));
    private final ThreadPoolExecutor delivery = new ThreadPoolExecutor(DELIVERY_THREADS, DELIVERY_THREADS, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), daemon("telephony-simulator-webhook"));
    private final Map<String, SimulatedCall> calls = new ConcurrentHashMap<>();
    private final Set<String> hungUp = ConcurrentHashMap.newKeySet();
    private final Recent<Delivery> deliveries = new Recent<>(RECENT);
    private final Recent<OriginationSpan> originations = new Recent<>(RECENT);

    public SimulatorProvider(SimulatorSettings settings, Instance<LegEventSink> sink, StrictJson json) {
        this.settings = settings;
        this.sink = sink;
        this.json = json.mapper();
        this.webhook = new SimulatorWebhook(settings.secret(), this.json);
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
            originations.add(new OriginationSpan(origination.agentCallId(), origination.legId(), start, System.nanoTime()));
        }
        SimulatedBehaviour behaviour = SimulatedBehaviour.of(origination.to().detail());
        if (behaviour.kind() == SimulatedBehaviour.Kind.FAIL) {
            throw new TelephonyException("simulated origination failure for " + origination.to().target());
        }
        String callId = "SIM" + origination.legId().toString().replace("-", "");
        SimulatedCall call = new SimulatedCall(origination.legId(), callId, System.nanoTime());
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
        hungUp.add(providerCallId);
        SimulatedCall call = calls.get(providerCallId);
        if (call != null) {
            call.hangUp();
        }
    }

    @Override
    public WebhookReply onWebhook(WebhookRequest request, LegEventSink sink) {
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
        return Set.copyOf(hungUp);
    }

    /** The last {@value #RECENT} originations, oldest first (shows whether one call's legs went out in parallel). */
    public List<OriginationSpan> recentOriginations() {
        return originations.list();
    }

    /** The last {@value #RECENT} delivered events, oldest first (for load tests and diagnostics). */
    public List<Delivery> recentDeliveries() {
        return deliveries.list();
    }

    @PreDestroy
    void stop() {
        clock.shutdownNow();
        delivery.shutdownNow();
    }

    /**
     * Sends one event. Webhooks go out asynchronously, so no thread waits on one and an event is never held
     * back by other calls' webhooks; the in-process sink (no callback URL) runs on the delivery pool.
     */
    private CompletableFuture<Void> send(SimulatedCall call, Outgoing outgoing) {
        LegEvent event = new LegEvent(call.legId, call.callId, outgoing.kind(), outgoing.detail(), outgoing.occurredAt());
        long sentNanos = System.nanoTime();
        CompletableFuture<Boolean> accepted = settings.callbackBaseUrl()
                .map(baseUrl -> post(baseUrl, event))
                .orElseGet(() -> CompletableFuture.supplyAsync(() -> {
                    sink.get().onLegEvent(NAME, event);
                    return true;
                }, delivery));
        return accepted.exceptionally(e -> {
            LOG.warnf(e, "simulated %s event for leg %s was not delivered", outgoing.kind(), call.legId);
            return false;
        }).thenAccept(ok -> {
            deliveries.add(new Delivery(call.legId, outgoing.kind(), outgoing.detail(),
                    Duration.ofNanos(sentNanos - outgoing.dueNanos()), Duration.ofNanos(System.nanoTime() - outgoing.dueNanos()), ok));
        });
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

    /** An event waiting for its call's earlier events to be delivered. */
    private record Outgoing(LegEvent.Kind kind, String detail, Instant occurredAt, long dueNanos) {
    }

    /**
     * One simulated call. Its state changes under its own lock, and each change queues its event in the
     * same critical section, so the queue holds the events in the order the state changed; the queue is
     * drained by one delivery task at a time, outside the lock.
     */
    private final class SimulatedCall {
        private final UUID legId;
        private final String callId;
        private final long startNanos;
        private final List<ScheduledFuture<?>> timers = new ArrayList<>();
        private final Deque<Outgoing> outbox = new ArrayDeque<>();
        private boolean rang;
        private boolean answered;
        private boolean ended;
        private boolean delivering;

        SimulatedCall(UUID legId, String callId, long startNanos) {
            this.legId = legId;
            this.callId = callId;
            this.startNanos = startNanos;
        }

        /**
         * Ringing first; an answer or busy scripted earlier than that still comes after it. A leg that must be
         * confirmed behaves as its answerer would: a person presses the key (or is detected as human), a
         * machine is detected as one or never presses, and a leg left unconfirmed is hung up after the window.
         */
        synchronized void script(SimulatedBehaviour behaviour, int ringTimeoutSeconds, Origination.Confirmation confirmation) {
            at(RINGING_AFTER_MILLIS, this::ring);
            long after = Math.max(RINGING_AFTER_MILLIS, behaviour.afterMillis());
            switch (behaviour.kind()) {
                case ANSWER, ANSWER_NO_KEY, MACHINE -> {
                    at(after, this::answer);
                    boolean machine = behaviour.kind() == SimulatedBehaviour.Kind.MACHINE;
                    if (confirmation == Origination.Confirmation.MACHINE_DETECTION) {
                        at(after + DETECTION_MILLIS, due -> confirm(due, machine ? LegEvent.Kind.MACHINE : LegEvent.Kind.CONFIRMED,
                                machine ? "machine_end_beep" : "human"));
                    } else if (confirmation == Origination.Confirmation.KEY && behaviour.kind() == SimulatedBehaviour.Kind.ANSWER) {
                        at(after + KEY_PRESS_MILLIS, due -> confirm(due, LegEvent.Kind.CONFIRMED, "key pressed"));
                    } else if (confirmation == Origination.Confirmation.KEY) {
                        at(after + CONFIRM_WINDOW_MILLIS, due -> finish(due, "no key pressed"));
                    }
                }
                case BUSY -> at(after, due -> finish(due, "busy"));
                default -> at(ringTimeoutSeconds * 1000L, due -> finish(due, "no-answer"));
            }
        }

        /** The key pressed, or machine detection's verdict, on an answered call. */
        synchronized void confirm(long dueNanos, LegEvent.Kind kind, String detail) {
            if (answered && !ended) {
                queue(kind, detail, dueNanos);
            }
        }

        synchronized void ring(long dueNanos) {
            if (!rang && !ended) {
                rang = true;
                queue(LegEvent.Kind.RINGING, "ringing", dueNanos);
            }
        }

        synchronized void answer(long dueNanos) {
            if (answered || ended) {
                return;
            }
            ring(dueNanos);
            answered = true;
            queue(LegEvent.Kind.ANSWERED, "in-progress", dueNanos);
        }

        /** The scripted end of a call nobody answered: it rang first. */
        synchronized void finish(long dueNanos, String detail) {
            if (!ended) {
                ring(dueNanos);
                end(dueNanos, detail);
            }
        }

        /** Hung up by us: cancelled while ringing (it may not have rung yet), completed once answered. */
        synchronized void hangUp() {
            if (!ended) {
                end(System.nanoTime(), answered ? "completed" : "canceled");
            }
        }

        private void end(long dueNanos, String detail) {
            ended = true;
            timers.forEach(timer -> timer.cancel(false));
            queue(LegEvent.Kind.ENDED, detail, dueNanos);
        }

        private void at(long afterMillis, LongConsumer step) {
            long dueNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(afterMillis);
            timers.add(clock.schedule(() -> step.accept(dueNanos), dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS));
        }

        private void queue(LegEvent.Kind kind, String detail, long dueNanos) {
            outbox.add(new Outgoing(kind, detail, Instant.now(), dueNanos));
            if (!delivering) {
                delivering = true;
                try {
                    delivery.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    LOG.debugf("simulator stopping: %s event for leg %s not delivered", kind, legId);
                }
            }
        }

        /** Sends the next queued event, and the one after it once that one is through. */
        private void drain() {
            Outgoing next;
            synchronized (this) {
                next = outbox.poll();
                if (next == null) {
                    delivering = false;
                    return;
                }
            }
            send(this, next).whenComplete((done, error) -> drain());
        }
    }

    /** The last items added, in a fixed number of slots: writers never wait for each other or for a reader. */
    private static final class Recent<T> {

        private final AtomicReferenceArray<T> slots;
        private final AtomicLong added = new AtomicLong();

        Recent(int size) {
            slots = new AtomicReferenceArray<>(size);
        }

        void add(T item) {
            slots.set((int) (added.getAndIncrement() % slots.length()), item);
        }

        /** Oldest first. */
        List<T> list() {
            long end = added.get();
            List<T> recent = new ArrayList<>();
            for (long i = Math.max(0, end - slots.length()); i < end; i++) {
                T item = slots.get((int) (i % slots.length()));
                if (item != null) {
                    recent.add(item);
                }
            }
            return recent;
        }
    }
}
