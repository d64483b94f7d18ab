package dev.agentbin.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Keeps {@code agent_stat_days} as things happen, in the transaction of the change: each event adds to its
 * agent's row of the day with one upsert and reads nothing. The callers hold the agent's row (or its
 * agentcall's) locked, so no two writers of one agent's row meet.
 *
 * <p>A ring counts on the day it started, whenever it is answered or ends; time in a status counts on the
 * day it was spent (split at UTC midnight).
 */
@ApplicationScoped
public class DailyRollups {

    private static final String ADD = """
            insert into agent_stat_days (agent_id, day, customer_id, %1$s) values (:agent, :day, :customer, :amount)
            on conflict (agent_id, day) do update set %1$s = agent_stat_days.%1$s + excluded.%1$s""";
    private static final String ANSWERED = """
            insert into agent_stat_days (agent_id, day, customer_id, answered, answer_ms_sum, answer_histogram)
            values (:agent, :day, :customer, 1, :millis, array_fill(0, array[:bucket]) || 1)
            on conflict (agent_id, day) do update set answered = agent_stat_days.answered + 1,
                answer_ms_sum = agent_stat_days.answer_ms_sum + excluded.answer_ms_sum,
                answer_histogram[:bucket + 1] = coalesce(agent_stat_days.answer_histogram[:bucket + 1], 0) + 1""";
    private static final String TALKED = """
            insert into agent_stat_days (agent_id, day, customer_id, talked, talk_ms_sum) values (:agent, :day, :customer, 1, :millis)
            on conflict (agent_id, day) do update set talked = agent_stat_days.talked + 1,
                talk_ms_sum = agent_stat_days.talk_ms_sum + excluded.talk_ms_sum""";
    private static final String OFFERED = ADD.formatted("offered");
    private static final Map<RingEnd, String> ENDED = new EnumMap<>(RingEnd.class);
    private static final Map<StatusBucket, String> STATUS_TIME = new EnumMap<>(StatusBucket.class);

    static {
        for (RingEnd end : RingEnd.values()) {
            ENDED.put(end, ADD.formatted(end.column()));
        }
        for (StatusBucket bucket : StatusBucket.values()) {
            STATUS_TIME.put(bucket, ADD.formatted(bucket.column()));
        }
    }

    private final EntityManager em;

    public DailyRollups(EntityManager em) {
        this.em = em;
    }

    /** A ring started (the agent was claimed for it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void offered(UUID agentId, UUID customerId, Instant ringStart) {
        upsert(OFFERED, agentId, customerId, UtcDays.dayOf(ringStart))
                .setParameter("amount", 1)
                .executeUpdate();
    }

    /** The ring that started at {@code ringStart} was answered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(UUID agentId, UUID customerId, Instant ringStart, Instant answeredAt) {
        long millis = millisBetween(ringStart, answeredAt);
        upsert(ANSWERED, agentId, customerId, UtcDays.dayOf(ringStart))
                .setParameter("millis", millis)
                .setParameter("bucket", AnswerHistogram.bucketOf(millis))
                .executeUpdate();
    }

    /** The ring ended without an answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(UUID agentId, UUID customerId, Instant ringStart, RingEnd end) {
        upsert(ENDED.get(end), agentId, customerId, UtcDays.dayOf(ringStart))
                .setParameter("amount", 1)
                .executeUpdate();
    }

    /** The answered call ended: its talk time, on the day its ring started. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void talked(UUID agentId, UUID customerId, Instant ringStart, Instant answeredAt, Instant endedAt) {
        upsert(TALKED, agentId, customerId, UtcDays.dayOf(ringStart))
                .setParameter("millis", millisBetween(answeredAt, endedAt))
                .executeUpdate();
    }

    /** The agent spent [from, to) in {@code bucket}: one upsert per UTC day it touches (nearly always one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusTime(UUID agentId, UUID customerId, StatusBucket bucket, Instant from, Instant to) {
        for (UtcDays.Share share : UtcDays.split(from, to)) {
            upsert(STATUS_TIME.get(bucket), agentId, customerId, share.day())
                    .setParameter("amount", share.millis())
                    .executeUpdate();
        }
    }

    /**
     * Declared to touch only agent_stat_days, so Hibernate need not flush the writer's pending changes
     * first: the writer's own statements (and its constraint violations) stay where it makes them.
     */
    private NativeQuery<?> upsert(String sql, UUID agentId, UUID customerId, LocalDate day) {
        return em.createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("agent_stat_days")
                .setParameter("agent", agentId)
                .setParameter("day", day)
                .setParameter("customer", customerId);
    }

    /** A provider's clock may disagree with ours by a little: never a negative time. */
    private static long millisBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
