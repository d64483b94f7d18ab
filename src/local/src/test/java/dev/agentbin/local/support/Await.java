package dev.agentbin.local.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Provider events and the queue work asynchronously: wait for the state they lead to, within a bound. */
public final class Await {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Await() {
    }

    public static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = probe.get();
        }
        return last;
    }
}
