package dev.agentbin.agentcall;

import dev.agentbin.agent.PageCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AgentCallRepository implements PanacheRepositoryBase<AgentCallEntity, UUID> {

    /**
     * Locks the agentcall for the rest of the transaction. Every change to an agentcall and its legs
     * takes this lock first, so provider events for one call apply one after another.
     */
    public Optional<AgentCallEntity> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<AgentCallEntity> findByDispatchKey(String dispatchKey) {
        return find("dispatchKey", dispatchKey).firstResultOptional();
    }

    /** Ringing calls past their deadline; each is then ended under its own lock. */
    public List<UUID> overdueIds(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select id from agent_calls where status = 'ringing' and deadline < ?1 "
                                + "order by deadline limit ?2",
                        UUID.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /** Answered calls answered before the cutoff: their "ended" callback is overdue. */
    public List<UUID> answeredBefore(Instant cutoff, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select id from agent_calls where status = 'answered' and tm_answer < ?1 "
                                + "order by tm_answer limit ?2",
                        UUID.class)
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .getResultList();
    }

    /**
     * One page of agentcalls, newest first, strictly after the cursor: the query's agent's, or every agent's of
     * the customer when it names none; only the given customer's unless {@code customerId} is null (a
     * superadmin reading one agent).
     */
    public List<AgentCallEntity> page(AgentCallListQuery query, UUID customerId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (customerId != null) {
            where.append(" and customerId = :customer");
            params.and("customer", customerId);
        }
        if (query.agentId() != null) {
            where.append(" and agentId = :agent");
            params.and("agent", query.agentId());
        }
        if (query.from() != null) {
            where.append(" and tmCreate >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and tmCreate < :to");
            params.and("to", query.to());
        }
        if (!query.statuses().isEmpty()) {
            where.append(" and status in :statuses");
            params.and("statuses", List.copyOf(query.statuses()));
        }
        if (query.after() != null) {
            where.append(query.after().rowsAfter(params));
        }
        return find(where + PageCursor.NEWEST_FIRST, params)
                .page(0, query.pageSize())
                .list();
    }
}
