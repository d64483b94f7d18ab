package dev.agentbin.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One agent's statistics over a window (or, without agent_id, several agents' together), flat as the
 * console reads them. Rings count on the UTC day they started; times are milliseconds; what cannot be
 * computed (a rate of nothing offered, a time of nothing answered) is null.
 *
 * @param answerRate         answered / offered
 * @param timeToAnswerP50Ms  within 500 ms below 60 s, within 5 s up to 600 s (see {@link AnswerHistogram})
 * @param wrapupTimeTotalMs  the time spent in wrap-up, as status_ms.wrapup
 * @param statusMs           time in each status within the window, the current one's up to now included
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AgentStatistics(
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID agentId,
        LocalDate from,
        LocalDate to,
        long offered,
        long answered,
        long missed,
        long canceled,
        long failed,
        Double answerRate,
        Long timeToAnswerMeanMs,
        Long timeToAnswerP50Ms,
        Long timeToAnswerP90Ms,
        long talkTimeTotalMs,
        Long talkTimeMeanMs,
        long wrapupTimeTotalMs,
        StatusMillis statusMs) {

    /** Milliseconds in each status; wrapup is the time busy after a call, apart from busy. */
    public record StatusMillis(long available, long ringing, long busy, long wrapup, long away, long offline) {}

    public static AgentStatistics of(UUID agentId, StatisticsWindow window, Figures f) {
        return new AgentStatistics(
                agentId,
                window.from(),
                window.to(),
                f.offered,
                f.answered,
                f.missed,
                f.canceled,
                f.failed,
                f.offered == 0 ? null : (double) f.answered / f.offered,
                mean(f.answerMsSum, f.answered),
                AnswerHistogram.percentile(f.answerHistogram, 0.5),
                AnswerHistogram.percentile(f.answerHistogram, 0.9),
                f.talkMsSum,
                mean(f.talkMsSum, f.talked),
                f.statusMs(StatusBucket.WRAPUP),
                new StatusMillis(
                        f.statusMs(StatusBucket.AVAILABLE),
                        f.statusMs(StatusBucket.RINGING),
                        f.statusMs(StatusBucket.BUSY),
                        f.statusMs(StatusBucket.WRAPUP),
                        f.statusMs(StatusBucket.AWAY),
                        f.statusMs(StatusBucket.OFFLINE)));
    }

    private static Long mean(long sum, long count) {
        return count == 0 ? null : Math.round((double) sum / count);
    }
}
