package dev.agentbin.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the day rows of a window, summed per agent by the database in one pass: the counters, the status
 * times and each answer-histogram bucket (a sum per array element: far cheaper than unnesting every row's
 * histogram, which for a month of a thousand agents makes a million rows to group).
 */
@ApplicationScoped
public class RollupReader {

    /** The status columns follow {@link StatusBucket}'s order, the histogram's {@link AnswerHistogram}'s buckets. */
    private static final String SUMS = """
            select agent_id, sum(offered), sum(answered), sum(missed), sum(canceled), sum(failed), sum(answer_ms_sum),
                   sum(talked), sum(talk_ms_sum), %s, %s
              from agent_stat_days where %%s = :id and day between :from and :to group by agent_id""".formatted(
                    Arrays.stream(StatusBucket.values())
                            .map(b -> "sum(" + b.column() + ")")
                            .collect(Collectors.joining(", ")),
                    IntStream.rangeClosed(1, AnswerHistogram.BUCKETS)
                            .mapToObj(i -> "sum(answer_histogram[" + i + "])")
                            .collect(Collectors.joining(", ")));

    private static final int FIRST_STATUS_COLUMN = 9;
    private static final int FIRST_BUCKET_COLUMN = FIRST_STATUS_COLUMN + StatusBucket.values().length;

    private final EntityManager em;

    public RollupReader(EntityManager em) {
        this.em = em;
    }

    /**
     * Makes the rest of the transaction read one snapshot, so the day rows and the agents' current status
     * agree even while a status changes (the interval it closes is counted once, in the rows or as the
     * open interval). It must be the transaction's first statement.
     */
    public void oneSnapshot() {
        em.createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
    }

    /** One agent's sums over the window (all zero when it has no rows). */
    public Figures ofAgent(UUID agentId, StatisticsWindow window) {
        return read("agent_id", agentId, window).getOrDefault(agentId, new Figures());
    }

    /** The sums of every agent of the customer that has rows in the window (deleted ones too). */
    public Map<UUID, Figures> ofCustomer(UUID customerId, StatisticsWindow window) {
        return read("customer_id", customerId, window);
    }

    private Map<UUID, Figures> read(String column, UUID id, StatisticsWindow window) {
        Map<UUID, Figures> byAgent = new HashMap<>();
        for (Object[] row : rows(SUMS.formatted(column), id, window)) {
            Figures f = new Figures();
            f.offered = number(row[1]);
            f.answered = number(row[2]);
            f.missed = number(row[3]);
            f.canceled = number(row[4]);
            f.failed = number(row[5]);
            f.answerMsSum = number(row[6]);
            f.talked = number(row[7]);
            f.talkMsSum = number(row[8]);
            for (StatusBucket bucket : StatusBucket.values()) {
                f.statusMs[bucket.ordinal()] = number(row[FIRST_STATUS_COLUMN + bucket.ordinal()]);
            }
            for (int bucket = 0; bucket < AnswerHistogram.BUCKETS; bucket++) {
                f.answerHistogram[bucket] = number(row[FIRST_BUCKET_COLUMN + bucket]);
            }
            byAgent.put((UUID) row[0], f);
        }
        return byAgent;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID id, StatisticsWindow window) {
        return em.createNativeQuery(sql)
                .setParameter("id", id)
                .setParameter("from", window.from())
                .setParameter("to", window.to())
                .getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
