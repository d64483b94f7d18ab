package dev.agentbin.stats;

import java.util.Map;

/** How many of a customer's live agents are in each status right now (wrap-up apart from busy). */
public record StatusCounts(long available, long ringing, long busy, long wrapup, long away, long offline, long total) {

    public static StatusCounts of(Map<StatusBucket, Long> counts) {
        long[] n = new long[StatusBucket.values().length];
        counts.forEach((bucket, count) -> n[bucket.ordinal()] += count);
        return new StatusCounts(
                n[StatusBucket.AVAILABLE.ordinal()],
                n[StatusBucket.RINGING.ordinal()],
                n[StatusBucket.BUSY.ordinal()],
                n[StatusBucket.WRAPUP.ordinal()],
                n[StatusBucket.AWAY.ordinal()],
                n[StatusBucket.OFFLINE.ordinal()],
                java.util.Arrays.stream(n).sum());
    }
}
