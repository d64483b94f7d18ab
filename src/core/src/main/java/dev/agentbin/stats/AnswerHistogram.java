package dev.agentbin.stats;

/**
 * Time-to-answer buckets, from which p50 and p90 are read without keeping every answer: 1 s wide below
 * 60 s (where nearly every answer falls), 10 s wide from 60 s to 600 s (the longest ring timeout), and one
 * last bucket for anything longer (a ring's confirmation grace, a provider's late clock).
 *
 * <p>A percentile is the middle of the bucket holding the nearest-rank percentile (the smallest answer
 * time that at least p of the answers do not exceed), so it is within 500 ms of the exact one below 60 s
 * and within 5 s of it from 60 s to 600 s. Past 600 s it reads 600 000 ms: "600 s or more".
 */
public final class AnswerHistogram {

    static final int FINE = 60;
    static final long FINE_MS = 1_000;
    static final int COARSE = 54;
    static final long COARSE_MS = 10_000;
    static final long FINE_END_MS = FINE * FINE_MS;
    static final long COARSE_END_MS = FINE_END_MS + COARSE * COARSE_MS;
    /** The last bucket index: 600 s and longer. */
    static final int LAST = FINE + COARSE;

    public static final int BUCKETS = LAST + 1;

    private AnswerHistogram() {}

    /** The bucket (0-based) of an answer after {@code millis}. */
    public static int bucketOf(long millis) {
        if (millis < FINE_END_MS) {
            return (int) (Math.max(0, millis) / FINE_MS);
        }
        if (millis < COARSE_END_MS) {
            return FINE + (int) ((millis - FINE_END_MS) / COARSE_MS);
        }
        return LAST;
    }

    /**
     * The estimated p-th percentile (0 &lt; p &lt;= 1) of the answers counted in {@code counts} (by bucket),
     * or null when there are none.
     */
    public static Long percentile(long[] counts, double p) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return middleOf(bucket);
            }
        }
        throw new IllegalStateException("unreachable: rank " + rank + " of " + total);
    }

    static long middleOf(int bucket) {
        if (bucket < FINE) {
            return bucket * FINE_MS + FINE_MS / 2;
        }
        if (bucket < LAST) {
            return FINE_END_MS + (bucket - FINE) * COARSE_MS + COARSE_MS / 2;
        }
        return COARSE_END_MS;
    }
}
