package dev.agentbin.event;

import dev.agentbin.common.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Where every writer records the events its change causes, in the change's own transaction: a rolled
 * back change leaves no event, a committed one cannot lose it. Each event takes the next number of its
 * subject's sequence (locking that counter until commit, so numbers follow commit order) and is rendered
 * once, here, so every delivery of it carries the same bytes and the same id.
 * <p>
 * The subject is an agent (its agentcalls' events included) or a tag. The tables still call it
 * {@code agent_id}, from when agents were the only subject: renaming the column would break the functions
 * still running the previous release while a deploy migrates, and ids never collide across subjects.
 */
@ApplicationScoped
public class EventOutbox {

    private static final String NEXT_SEQUENCE = """
            insert into agent_event_sequences (agent_id, last_seq) values (:subject, 1)
            on conflict (agent_id) do update set last_seq = agent_event_sequences.last_seq + 1
            returning last_seq""";
    private static final String INSERT = """
            insert into event_outbox (id, customer_id, agent_id, seq, type, body, tm_create)
            values (:id, :customer, :subject, :seq, :type, :body, :time)""";
    private static final Object AFTER_COMMIT_KEY = new Object();

    private final EntityManager em;
    private final EventJson json;
    private final TransactionSynchronizationRegistry transactions;
    private final RelayNudge nudge;

    public EventOutbox(
            EntityManager em, EventJson json, TransactionSynchronizationRegistry transactions, RelayNudge nudge) {
        this.em = em;
        this.json = json;
        this.transactions = transactions;
        this.nudge = nudge;
    }

    /**
     * Records one event about its subject (an agent, for an agentcall's events its agent; a tag) and
     * returns {@code data}, so a writer can hook in where it returns its view.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T record(EventType type, UUID customerId, UUID subjectId, T data) {
        return record(type, customerId, subjectId, data, null);
    }

    /**
     * As {@link #record(EventType, UUID, UUID, Object)}, with why it happened: {@code cause} goes beside
     * {@code data} in the envelope (agent_status_updated's status cause), or nowhere when null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T record(EventType type, UUID customerId, UUID subjectId, T data, Object cause) {
        UUID id = UUID.randomUUID();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long sequence = ((Number) outboxQuery(NEXT_SEQUENCE)
                        .setParameter("subject", subjectId)
                        .getSingleResult())
                .longValue();
        outboxQuery(INSERT)
                .setParameter("id", id)
                .setParameter("customer", customerId)
                .setParameter("subject", subjectId)
                .setParameter("seq", sequence)
                .setParameter("type", type.wire())
                .setParameter("body", json.envelope(id, type, time, sequence, cause, data))
                .setParameter("time", time)
                .executeUpdate();
        relayAfterCommit();
        return data;
    }

    /**
     * Declared to touch only the outbox tables, so Hibernate need not flush the writer's pending
     * changes first: a writer's constraint violations surface where it handles them, not here.
     */
    private NativeQuery<?> outboxQuery(String sql) {
        return em.createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("event_outbox")
                .addSynchronizedQuerySpace("agent_event_sequences");
    }

    private void relayAfterCommit() {
        if (transactions.getResource(AFTER_COMMIT_KEY) != null) {
            return;
        }
        transactions.putResource(AFTER_COMMIT_KEY, Boolean.TRUE);
        AfterCommit.run(transactions, nudge::committed);
    }
}
