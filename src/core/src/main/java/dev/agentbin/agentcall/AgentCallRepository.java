package dev.agentbin.agentcall;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
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
                .createNativeQuery("select id from agent_calls where status = 'ringing' and deadline < ?1 "
                        + "order by deadline limit ?2", UUID.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /** Answered calls answered before the cutoff: their "ended" callback is overdue. */
    public List<UUID> answeredBefore(Instant cutoff, int limit) {
        return getEntityManager()
                .createNativeQuery("select id from agent_calls where status = 'answered' and tm_answer < ?1 "
                        + "order by tm_answer limit ?2", UUID.class)
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .getResultList();
    }

    /** The agent's agentcalls, newest first; only the given customer's unless {@code customerId} is null (a superadmin). */
    public List<AgentCallEntity> recentOfAgent(UUID agentId, UUID customerId, int limit) {
        var query = customerId == null
                ? find("agentId = ?1 order by tmCreate desc, id desc", agentId)
                : find("agentId = ?1 and customerId = ?2 order by tmCreate desc, id desc", agentId, customerId);
        return query.page(0, limit).list();
    }
}
