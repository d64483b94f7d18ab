package dev.agentbin.events;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds: provider events (hangups) are applied on the simulator's threads. */
final class Await {

    private Await() {
    }

    static void until(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
