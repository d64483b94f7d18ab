package dev.agentbin.agent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

@ApplicationScoped
public class StatusChangeRepository implements PanacheRepositoryBase<StatusChangeEntity, UUID> {

    private static final String INSERT = """
            insert into agent_status_changes (id, customer_id, agent_id, previous_status, status, cause_type,
                                              cause_agent_id, cause_accesskey_id, cause_agentcall_id, tm_create)
            values (:id, :customer, :agent, :previous, :status, :type, :causeAgent, :causeKey, :causeCall, clock_timestamp())""";
    private static final String DELETE_BATCH = """
            delete from agent_status_changes where id in (
                select id from agent_status_changes where tm_create < :cutoff order by tm_create limit :batch
                for update skip locked)""";

    /**
     * Writes one change, timed by the database's clock at the write: the writer holds the agent's row lock,
     * so one agent's rows are timed in the order they were made. Declared to touch only this table, so
     * Hibernate need not flush the writer's pending changes first.
     */
    void insert(AgentEntity agent, AgentStatus previous, StatusCause cause) {
        getEntityManager()
                .createNativeQuery(INSERT)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("agent_status_changes")
                .setParameter("id", UUID.randomUUID())
                .setParameter("customer", agent.customerId)
                .setParameter("agent", agent.id)
                .setParameter("previous", previous.wire())
                .setParameter("status", agent.status.wire())
                .setParameter("type", cause.type().wire())
                .setParameter("causeAgent", cause.agentId(), UUID.class)
                .setParameter("causeKey", cause.accessKeyId(), UUID.class)
                .setParameter("causeCall", cause.agentCallId(), UUID.class)
                .executeUpdate();
    }

    /** One page of an agent's changes within the query's window, newest first, strictly after its cursor. */
    List<StatusChangeEntity> page(UUID agentId, StatusHistoryQuery query) {
        Parameters params =
                Parameters.with("agent", agentId).and("from", query.from()).and("to", query.to());
        String where = "agentId = :agent and tmCreate >= :from and tmCreate < :to";
        if (query.after() != null) {
            where += query.after().rowsAfter(params);
        }
        return find(where + PageCursor.NEWEST_FIRST, params)
                .page(0, query.pageSize())
                .list();
    }

    /**
     * Deletes up to {@code batch} of the oldest rows created before the cutoff, in a transaction of its own
     * so no run holds many row locks for long; rows another sweeper is deleting are skipped.
     *
     * @return how many were deleted
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteBefore(Instant cutoff, int batch) {
        return getEntityManager()
                .createNativeQuery(DELETE_BATCH)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("agent_status_changes")
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batch)
                .executeUpdate();
    }
}
