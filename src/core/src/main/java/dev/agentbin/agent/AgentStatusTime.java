package dev.agentbin.agent;

import dev.agentbin.stats.DailyRollups;
import dev.agentbin.stats.StatusBucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The time an agent spends in each status, for its statistics: the agent row says since when it is in
 * its current one ({@code status_since}); when that changes, the interval that ends is added to the
 * agent's day rows ({@link DailyRollups}) and the next one begins. Wrap-up (busy after a call, until
 * {@code wrapup_until}) counts apart from busy.
 */
@ApplicationScoped
class AgentStatusTime {

    private final DailyRollups rollups;

    AgentStatusTime(DailyRollups rollups) {
        this.rollups = rollups;
    }

    /** The locked agent is about to take {@code next}: closes the current interval when the bucket changes. */
    void moving(AgentEntity agent, AgentStatusRules.State next, Instant now) {
        if (bucketOf(next.status(), next.wrapUpUntil() != null) != bucketOf(agent)) {
            close(agent, now);
        }
    }

    /** Counts the current interval up to now and starts the next one there (a deleted agent's last one ends so). */
    void close(AgentEntity agent, Instant now) {
        // A provider's event may carry a time a little before the interval began: time never runs backwards here.
        Instant end = now.isAfter(agent.statusSince) ? now : agent.statusSince;
        rollups.statusTime(agent.id, agent.customerId, bucketOf(agent), agent.statusSince, end);
        agent.statusSince = end;
    }

    static StatusBucket bucketOf(AgentEntity agent) {
        return bucketOf(agent.status, agent.wrapupUntil != null);
    }

    /** @param wrappingUp whether the agent row has a wrapup_until */
    static StatusBucket bucketOf(AgentStatus status, boolean wrappingUp) {
        return switch (status) {
            case AVAILABLE -> StatusBucket.AVAILABLE;
            case RINGING -> StatusBucket.RINGING;
            case BUSY -> wrappingUp ? StatusBucket.WRAPUP : StatusBucket.BUSY;
            case AWAY -> StatusBucket.AWAY;
            case OFFLINE -> StatusBucket.OFFLINE;
        };
    }
}
