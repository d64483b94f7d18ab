package dev.agentbin.stats;

/** One agent's (or several agents') sums over a window, as the day rows hold them; added up while read. */
public final class Figures {

    long offered;
    long answered;
    long missed;
    long canceled;
    long failed;
    long answerMsSum;
    long talked;
    long talkMsSum;
    final long[] answerHistogram = new long[AnswerHistogram.BUCKETS];
    final long[] statusMs = new long[StatusBucket.values().length];

    /** Time in a status that no day row holds yet: the current status's open interval. */
    public void addStatusTime(StatusBucket bucket, long millis) {
        statusMs[bucket.ordinal()] += millis;
    }

    public void add(Figures other) {
        offered += other.offered;
        answered += other.answered;
        missed += other.missed;
        canceled += other.canceled;
        failed += other.failed;
        answerMsSum += other.answerMsSum;
        talked += other.talked;
        talkMsSum += other.talkMsSum;
        for (int i = 0; i < answerHistogram.length; i++) {
            answerHistogram[i] += other.answerHistogram[i];
        }
        for (int i = 0; i < statusMs.length; i++) {
            statusMs[i] += other.statusMs[i];
        }
    }

    long statusMs(StatusBucket bucket) {
        return statusMs[bucket.ordinal()];
    }
}
