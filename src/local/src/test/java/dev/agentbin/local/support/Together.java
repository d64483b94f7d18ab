package dev.agentbin.local.support;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs actions on their own threads, released by one barrier so they start at the same moment. */
public final class Together implements AutoCloseable {

    private final ExecutorService threads;
    private final int size;

    public Together(int size) {
        this.size = size;
        this.threads = Executors.newFixedThreadPool(size);
    }

    /** Runs every action at once and returns their results in order. */
    @SafeVarargs
    public final <T> List<T> run(Supplier<T>... actions) {
        return run(List.of(actions));
    }

    public <T> List<T> run(List<Supplier<T>> actions) {
        if (actions.size() > size) {
            throw new IllegalArgumentException("more actions than threads");
        }
        CyclicBarrier start = new CyclicBarrier(actions.size());
        List<Future<T>> futures = actions.stream()
                .map(action -> threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return action.get();
                }))
                .toList();
        return futures.stream().map(Together::join).toList();
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
