package dev.agentbin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The time-to-answer buckets and the tolerance docs/statistics.md states for p50 and p90. */
class AnswerHistogramTest {

    @Test
    void bucketEdges() {
        assertEquals(0, AnswerHistogram.bucketOf(-5), "a provider clock a little behind ours");
        assertEquals(0, AnswerHistogram.bucketOf(0));
        assertEquals(0, AnswerHistogram.bucketOf(999));
        assertEquals(1, AnswerHistogram.bucketOf(1_000));
        assertEquals(59, AnswerHistogram.bucketOf(59_999));
        assertEquals(60, AnswerHistogram.bucketOf(60_000));
        assertEquals(60, AnswerHistogram.bucketOf(69_999));
        assertEquals(61, AnswerHistogram.bucketOf(70_000));
        assertEquals(113, AnswerHistogram.bucketOf(599_999));
        assertEquals(114, AnswerHistogram.bucketOf(600_000));
        assertEquals(114, AnswerHistogram.bucketOf(615_000), "the confirmation grace after a 600 s ring");
        assertEquals(115, AnswerHistogram.BUCKETS);
    }

    @Test
    void nothingAnsweredHasNoPercentile() {
        assertNull(AnswerHistogram.percentile(new long[AnswerHistogram.BUCKETS], 0.5));
    }

    @Test
    void thePercentileIsTheMiddleOfTheNearestRanksBucket() {
        long[] counts = counts(1_200, 2_500, 2_700, 9_100, 75_000);
        assertEquals(2_500, AnswerHistogram.percentile(counts, 0.5), "rank 3 of 5 (2.7 s) is in [2 s, 3 s)");
        assertEquals(75_000, AnswerHistogram.percentile(counts, 0.9), "rank 5 of 5 (75 s) is in [70 s, 80 s)");
        assertEquals(1_500, AnswerHistogram.percentile(counts, 0.2), "rank 1");
        assertEquals(600_000, AnswerHistogram.percentile(counts(700_000), 0.5), "past 600 s: 600 s or more");
    }

    /** Random answer times: the estimate is within 500 ms of the exact nearest-rank percentile below 60 s, within 5 s to 600 s. */
    @Test
    void withinTheStatedToleranceOfTheExactPercentile() {
        Random random = new Random(20);
        for (int round = 0; round < 2_000; round++) {
            long[] millis = new long[1 + random.nextInt(300)];
            long scale = round % 3 == 0 ? 600_000 : round % 3 == 1 ? 60_000 : 20_000;
            for (int i = 0; i < millis.length; i++) {
                millis[i] = (long) (random.nextDouble() * scale);
            }
            long[] counts = counts(millis);
            Arrays.sort(millis);
            for (double p : new double[] {0.5, 0.9}) {
                long exact = millis[(int) Math.ceil(p * millis.length) - 1];
                long estimate = AnswerHistogram.percentile(counts, p);
                long tolerance = exact < 60_000 ? 500 : 5_000;
                assertTrue(
                        Math.abs(estimate - exact) <= tolerance,
                        "p" + (int) (p * 100) + " of " + millis.length + ": exact " + exact + " ms, estimated "
                                + estimate + " ms");
            }
        }
    }

    private static long[] counts(long... millis) {
        long[] counts = new long[AnswerHistogram.BUCKETS];
        for (long m : millis) {
            counts[AnswerHistogram.bucketOf(m)]++;
        }
        return counts;
    }
}
