package dev.agentbin.telephony.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the simulator did, for tests and load tests: the calls it was asked to hang up, and the last
 * {@value #RECENT} originations and delivered events. Recording never makes a call wait on another.
 */
final class SimulatorDiagnostics {

    static final int RECENT = 10_000;

    private final Set<String> hungUp = ConcurrentHashMap.newKeySet();
    private final Recent<SimulatorProvider.Delivery> deliveries = new Recent<>(RECENT);
    private final Recent<SimulatorProvider.OriginationSpan> originations = new Recent<>(RECENT);

    void hangupAsked(String callId) {
        hungUp.add(callId);
    }

    void originated(SimulatorProvider.OriginationSpan span) {
        originations.add(span);
    }

    void delivered(SimulatorProvider.Delivery delivery) {
        deliveries.add(delivery);
    }

    Set<String> hungUp() {
        return Set.copyOf(hungUp);
    }

    List<SimulatorProvider.OriginationSpan> recentOriginations() {
        return originations.list();
    }

    List<SimulatorProvider.Delivery> recentDeliveries() {
        return deliveries.list();
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
