package dev.agentbin.telephony.simulator;

import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.Origination;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * One simulated call: its script, and the events its state changes cause. Its state changes under its own
 * lock, and each change queues its event in the same critical section, so the queue holds the events in
 * the order the state changed; the queue is drained by one delivery task at a time, outside the lock, the
 * next event once the previous one's webhook answered. So a call's events arrive in the order its state
 * changed (an end never overtakes an earlier answer), while different calls send in parallel.
 */
final class SimulatedCall {

    private static final Logger LOG = Logger.getLogger(SimulatedCall.class);
    private static final long RINGING_AFTER_MILLIS = 20;
    /** A person presses the key this long after answering (prompt included). */
    private static final long KEY_PRESS_MILLIS = 300;
    /** Machine detection decides this long after the answer. */
    private static final long DETECTION_MILLIS = 300;
    /** How long a leg that must be confirmed waits for the key before the provider hangs up (as Twilio's Gather). */
    private static final long CONFIRM_WINDOW_MILLIS = 5_000;

    /** An event waiting for its call's earlier events to be delivered. */
    private record Outgoing(LegEvent event, long dueNanos) {}

    private final UUID legId;
    private final String callId;
    private final long startNanos;
    /** Only keeps time: a due step changes the state and queues its event, it never waits on a webhook. */
    private final ScheduledExecutorService clock;

    private final SimulatorEventTransport transport;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private final Deque<Outgoing> outbox = new ArrayDeque<>();
    private boolean rang;
    private boolean answered;
    private boolean ended;
    private boolean delivering;

    SimulatedCall(
            UUID legId,
            String callId,
            long startNanos,
            ScheduledExecutorService clock,
            SimulatorEventTransport transport) {
        this.legId = legId;
        this.callId = callId;
        this.startNanos = startNanos;
        this.clock = clock;
        this.transport = transport;
    }

    /**
     * Ringing first; an answer or busy scripted earlier than that still comes after it. A leg that must be
     * confirmed behaves as its answerer would: a person presses the key (or is detected as human), a
     * machine is detected as one or never presses, and a leg left unconfirmed is hung up after the window.
     */
    synchronized void script(
            SimulatedBehaviour behaviour, int ringTimeoutSeconds, Origination.Confirmation confirmation) {
        at(RINGING_AFTER_MILLIS, this::ring);
        long after = Math.max(RINGING_AFTER_MILLIS, behaviour.afterMillis());
        switch (behaviour.kind()) {
            case ANSWER, ANSWER_NO_KEY, MACHINE -> {
                at(after, this::answer);
                boolean machine = behaviour.kind() == SimulatedBehaviour.Kind.MACHINE;
                if (confirmation == Origination.Confirmation.MACHINE_DETECTION) {
                    at(
                            after + DETECTION_MILLIS,
                            due -> confirm(
                                    due,
                                    machine ? LegEvent.Kind.MACHINE : LegEvent.Kind.CONFIRMED,
                                    machine ? "machine_end_beep" : "human"));
                } else if (confirmation == Origination.Confirmation.KEY
                        && behaviour.kind() == SimulatedBehaviour.Kind.ANSWER) {
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
        outbox.add(new Outgoing(new LegEvent(legId, callId, kind, detail, Instant.now()), dueNanos));
        if (!delivering) {
            delivering = true;
            try {
                transport.execute(this::drain);
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
        transport.send(next.event(), next.dueNanos()).whenComplete((done, error) -> drain());
    }
}
