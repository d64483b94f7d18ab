package dev.agentbin.events;

import java.time.Duration;

/**
 * How long a failed delivery waits before its next try: the base, doubled per receive, capped (SQS
 * allows a visibility of 12 hours at most). With the defaults (10 s, 1 h) and the queue's 10 receives,
 * an event is tried over about two and a half hours before it moves to the dead-letter queue.
 */
record DeliveryBackoff(Duration base, Duration max) {

    static final Duration SQS_MAX_VISIBILITY = Duration.ofHours(12);

    /** The wait after the {@code receiveCount}-th try failed (1 for the first try). */
    Duration after(int receiveCount) {
        int doublings = Math.max(0, Math.min(receiveCount - 1, 30));
        Duration cap = max.compareTo(SQS_MAX_VISIBILITY) < 0 ? max : SQS_MAX_VISIBILITY;
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(cap) < 0 ? wait : cap;
    }
}
