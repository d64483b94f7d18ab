package dev.agentbin.agentcall;

import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.agent.AgentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;

/**
 * The agent side of the status lifecycle. Every change is conditional on the status ring-all expects,
 * so a status the agent chose meanwhile (away, offline...) is never overwritten.
 */
@ApplicationScoped
class AgentRingStatus {

    private final AgentRepository agents;

    AgentRingStatus(AgentRepository agents) {
        this.agents = agents;
    }

    /** available → ringing in one conditional update: of two concurrent claims, one wins. */
    boolean claim(UUID agentId, UUID customerId, Instant now) {
        return agents.update("status = ?1, tmUpdate = ?2 where id = ?3 and customerId = ?4 and status = ?5 and tmDelete is null",
                AgentStatus.RINGING, now, agentId, customerId, AgentStatus.AVAILABLE) == 1;
    }

    /** ringing → busy; an answer also ends the run of missed rings. */
    void answered(UUID agentId, Instant now) {
        agents.update("status = ?1, tmUpdate = ?2 where id = ?3 and status = ?4", AgentStatus.BUSY, now, agentId, AgentStatus.RINGING);
        agents.update("missedRings = 0 where id = ?1", agentId);
    }

    /**
     * ringing → available after a ring nobody answered, or → away once the agent has missed
     * max_no_answer rings in a row (0 turns that off). A ring the caller abandoned is no miss.
     */
    void unanswered(UUID agentId, boolean countsAsMiss, Instant now) {
        AgentEntity agent = agents.findByIdOptional(agentId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (agent == null || agent.status != AgentStatus.RINGING) {
            return;
        }
        if (countsAsMiss) {
            agent.missedRings++;
        }
        boolean tooMany = agent.maxNoAnswer > 0 && agent.missedRings >= agent.maxNoAnswer;
        agent.status = tooMany ? AgentStatus.AWAY : AgentStatus.AVAILABLE;
        agent.tmUpdate = now;
    }

    /** busy → available when the call and its wrap-up are over. */
    void release(UUID agentId, Instant now) {
        agents.update("status = ?1, tmUpdate = ?2 where id = ?3 and status = ?4", AgentStatus.AVAILABLE, now, agentId, AgentStatus.BUSY);
    }

    int wrapupSeconds(UUID agentId) {
        return agents.findByIdOptional(agentId).map(agent -> agent.wrapupSeconds).orElse(0);
    }
}
