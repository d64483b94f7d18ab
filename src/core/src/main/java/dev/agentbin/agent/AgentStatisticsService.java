package dev.agentbin.agent;

import dev.agentbin.access.AccessPolicy;
import dev.agentbin.access.Caller;
import dev.agentbin.stats.AgentStatistics;
import dev.agentbin.stats.CustomerStatistics;
import dev.agentbin.stats.Figures;
import dev.agentbin.stats.RollupReader;
import dev.agentbin.stats.StatisticsWindow;
import dev.agentbin.stats.StatusBucket;
import dev.agentbin.stats.StatusCounts;
import dev.agentbin.stats.UtcDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agents' statistics: the day rows of the window ({@link RollupReader}) plus, for a live agent, the
 * interval of its current status up to now (no day row holds it yet), so today's figures are current.
 * Who reads what: an agent's own, as its agentcalls ({@link AccessPolicy#checkSeesCallsOf}); the customer's
 * list and counts, its admins and managers.
 */
@ApplicationScoped
public class AgentStatisticsService {

    private final AgentRepository agents;
    private final AccessPolicy policy;
    private final RollupReader rollups;
    private final Clock clock;

    public AgentStatisticsService(AgentRepository agents, AccessPolicy policy, RollupReader rollups, Clock clock) {
        this.agents = agents;
        this.policy = policy;
        this.rollups = rollups;
        this.clock = clock;
    }

    /** A deleted agent's figures stay readable; its time in a status ended when it was deleted. */
    @Transactional
    public AgentStatistics ofAgent(Caller caller, UUID agentId, String from, String to) {
        rollups.oneSnapshot();
        Instant now = clock.instant();
        StatisticsWindow window = StatisticsWindow.parse(from, to, UtcDays.dayOf(now));
        AgentEntity agent = agents.findByIdOptional(agentId).orElseThrow(() -> AgentErrors.notFound(agentId));
        policy.checkSeesCallsOf(caller, agent.customerId, agent.id, () -> AgentErrors.notFound(agentId));
        Figures figures = rollups.ofAgent(agent.id, window);
        if (!agent.isDeleted()) {
            addCurrentStatus(figures, AgentStatusTime.bucketOf(agent), agent.statusSince, now, window);
        }
        return AgentStatistics.of(agent.id, window, figures);
    }

    /** Every live agent of the caller's customer, newest first as the agent list, and their total. */
    @Transactional
    public CustomerStatistics ofCustomer(Caller caller, String from, String to) {
        rollups.oneSnapshot();
        Instant now = clock.instant();
        StatisticsWindow window = StatisticsWindow.parse(from, to, UtcDays.dayOf(now));
        policy.checkManages(caller, caller.customerId());
        Map<UUID, Figures> sums = rollups.ofCustomer(caller.customerId(), window);
        Figures total = new Figures();
        List<AgentStatistics> result = new ArrayList<>();
        for (Object[] agent : agents.liveStatusesOf(caller.customerId())) {
            UUID id = (UUID) agent[0];
            Figures figures = sums.getOrDefault(id, new Figures());
            addCurrentStatus(
                    figures,
                    AgentStatusTime.bucketOf((AgentStatus) agent[1], agent[2] != null),
                    (Instant) agent[3],
                    now,
                    window);
            total.add(figures);
            result.add(AgentStatistics.of(id, window, figures));
        }
        return new CustomerStatistics(window.from(), window.to(), result, AgentStatistics.of(null, window, total));
    }

    /** How many of the caller's customer's live agents are in each status now. */
    @Transactional
    public StatusCounts now(Caller caller) {
        policy.checkManages(caller, caller.customerId());
        Map<StatusBucket, Long> counts = new EnumMap<>(StatusBucket.class);
        for (Object[] row : agents.countByStatus(caller.customerId())) {
            AgentStatus status = (AgentStatus) row[0];
            long all = (Long) row[1];
            long wrappingUp = (Long) row[2];
            counts.merge(AgentStatusTime.bucketOf(status, false), all - wrappingUp, Long::sum);
            counts.merge(AgentStatusTime.bucketOf(status, true), wrappingUp, Long::sum);
        }
        return StatusCounts.of(counts);
    }

    private static void addCurrentStatus(
            Figures figures, StatusBucket bucket, Instant since, Instant now, StatisticsWindow window) {
        figures.addStatusTime(bucket, UtcDays.within(since, now, window.from(), window.to()));
    }
}
