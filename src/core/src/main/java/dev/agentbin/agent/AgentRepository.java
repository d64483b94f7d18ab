package dev.agentbin.agent;

import dev.agentbin.access.Permission;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<AgentEntity, UUID> {

    public Optional<AgentEntity> findLive(UUID id) {
        return find("id = ?1 and tmDelete is null", id).firstResultOptional();
    }

    /** Locks the live agent row for the rest of the transaction, so concurrent writers on one agent queue up. */
    public Optional<AgentEntity> lockLive(UUID id) {
        return find("id = ?1 and tmDelete is null", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The customer of a live agent, read without managing the entity, so a later locked read is fresh. */
    public Optional<UUID> customerOfLive(UUID id) {
        return getEntityManager()
                .createQuery("select customerId from AgentEntity where id = ?1 and tmDelete is null", UUID.class)
                .setParameter(1, id)
                .getResultStream()
                .findFirst();
    }

    /**
     * The one form under which usernames compare: PostgreSQL's {@code lower()} of the trimmed name, the rule
     * of the unique index {@code agent_agents_username_live_key}. The database computes it, not Java, whose
     * case folding differs ({@code toLowerCase} turns İ into i + U+0307, {@code lower()} into i): whatever is
     * keyed by a username (the login and forgot budgets) keys by this, so every spelling that finds one
     * account spends one budget.
     */
    public String usernameKey(String username) {
        return (String) getEntityManager()
                .createNativeQuery("select lower(cast(?1 as text))")
                .setParameter(1, username.trim())
                .getSingleResult();
    }

    /** @param usernameKey a {@link #usernameKey} */
    public Optional<AgentEntity> findLiveByUsernameKey(String usernameKey) {
        return find("lower(username) = ?1 and tmDelete is null", usernameKey).firstResultOptional();
    }

    /**
     * Locks every live admin of the customer and returns them: two concurrent demotions or deletions of
     * two admins serialize here, so the customer never ends up with none.
     */
    public List<AgentEntity> lockAdmins(UUID customerId) {
        return find(
                        "customerId = ?1 and tmDelete is null and bitand(permission, ?2) <> 0 order by id",
                        customerId,
                        Permission.CUSTOMER_ADMIN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public boolean hasLiveAdmin(UUID customerId) {
        return count(
                        "customerId = ?1 and tmDelete is null and bitand(permission, ?2) <> 0",
                        customerId,
                        Permission.CUSTOMER_ADMIN)
                > 0;
    }

    /** One page of a customer's live agents, newest first, strictly after the cursor. */
    public List<AgentEntity> page(AgentListQuery query, UUID customerId) {
        StringBuilder where = new StringBuilder("customerId = :customer and tmDelete is null");
        Parameters params = Parameters.with("customer", customerId);
        if (query.status() != null) {
            where.append(" and status = :status");
            params.and("status", query.status());
        }
        if (!query.tagIds().isEmpty()) {
            where.append(" and array_intersects(tagIds, :tags)");
            params.and("tags", query.tagIds().toArray(UUID[]::new));
        }
        if (query.after() != null) {
            where.append(query.after().rowsAfter(params));
        }
        return find(where + PageCursor.NEWEST_FIRST, params)
                .page(0, query.pageSize())
                .list();
    }

    /** What statistics read of the customer's live agents, newest first as the agent list: id, status, wrapup_until, status_since. */
    public List<Object[]> liveStatusesOf(UUID customerId) {
        return getEntityManager()
                .createQuery(
                        "select id, status, wrapupUntil, statusSince from AgentEntity where customerId = ?1 and tmDelete is null "
                                + "order by tmCreate desc, id desc",
                        Object[].class)
                .setParameter(1, customerId)
                .getResultList();
    }

    /** The customer's live agents by status: status, how many, how many of them wrap up. */
    public List<Object[]> countByStatus(UUID customerId) {
        return getEntityManager()
                .createQuery(
                        "select status, count(*), count(wrapupUntil) from AgentEntity where customerId = ?1 and tmDelete is null "
                                + "group by status",
                        Object[].class)
                .setParameter(1, customerId)
                .getResultList();
    }

    /**
     * Live agents whose wrap-up is over, locked, skipping rows another sweeper holds. A deleted agent is not
     * released (its wrap-up stays as it was), so it would otherwise be picked by every sweep, for ever.
     */
    public List<AgentEntity> wrapUpsDue(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from agent_agents where wrapup_until is not null and wrapup_until < ?1 and tm_delete is null "
                                + "order by wrapup_until limit ?2 for update skip locked",
                        AgentEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }
}
