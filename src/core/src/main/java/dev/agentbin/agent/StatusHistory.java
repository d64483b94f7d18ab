package dev.agentbin.agent;

import dev.agentbin.access.AccessPolicy;
import dev.agentbin.access.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * An agent's status history: every change of its status with the cause, recorded by {@link AgentStatusOwner}
 * in the change's own transaction and read by GET /v1.0/agents/{id}/status_history. A write that leaves the
 * status as it was (an agent choosing the status it has, the start of a wrap-up: busy stays busy) is no
 * change and adds no row; its agent_status_updated event still carries the cause.
 */
@ApplicationScoped
public class StatusHistory {

    private final StatusChangeRepository changes;
    private final AgentRepository agents;
    private final AccessPolicy policy;

    public StatusHistory(StatusChangeRepository changes, AgentRepository agents, AccessPolicy policy) {
        this.changes = changes;
        this.agents = agents;
        this.policy = policy;
    }

    /** After the owner wrote {@code agent}'s new status (its row locked): a row when the status changed. */
    void record(AgentEntity agent, AgentStatus previous, StatusCause cause) {
        if (agent.status != previous) {
            changes.insert(agent, previous, cause);
        }
    }

    /**
     * Whoever may read the agent's agentcalls reads its history: the agent itself, its customer's admins and
     * managers (agents or access keys). A deleted agent's history stays readable, as the agent does; another
     * customer's agent is 404.
     */
    @Transactional
    public StatusHistoryPage list(Caller caller, UUID agentId, StatusHistoryQuery query) {
        AgentEntity agent = agents.findByIdOptional(agentId).orElseThrow(() -> AgentErrors.notFound(agentId));
        policy.checkSeesCallsOf(caller, agent.customerId, agent.id, () -> AgentErrors.notFound(agentId));
        List<StatusChangeEntity> page = changes.page(agent.id, query);
        return new StatusHistoryPage(
                page.stream().map(StatusChangeEntity::toStatusChange).toList(),
                PageCursor.nextToken(page, change -> change.tmCreate, change -> change.id));
    }
}
