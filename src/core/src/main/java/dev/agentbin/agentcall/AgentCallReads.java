package dev.agentbin.agentcall;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** What is read of agentcalls without changing them: views with their legs, and what the sweeper must visit. */
@ApplicationScoped
class AgentCallReads {

    private final AgentCallRepository calls;
    private final LegRepository legs;

    AgentCallReads(AgentCallRepository calls, LegRepository legs) {
        this.calls = calls;
        this.legs = legs;
    }

    @Transactional
    List<UUID> overdue(Instant now, int limit) {
        return calls.overdueIds(now, limit);
    }

    @Transactional
    List<UUID> answeredBefore(Instant cutoff, int limit) {
        return calls.answeredBefore(cutoff, limit);
    }

    @Transactional
    Optional<AgentCall> viewOfLeg(String provider, UUID legId) {
        return legs.callOf(legId, provider).flatMap(this::view);
    }

    /** A page of agentcalls with their legs, newest first, in two queries. */
    @Transactional
    List<AgentCall> page(AgentCallListQuery query, UUID customerId) {
        List<AgentCallEntity> recent = calls.page(query, customerId);
        Map<UUID, List<LegEntity>> legsOf = legs
                .ofCalls(recent.stream().map(call -> call.id).toList())
                .stream()
                .collect(Collectors.groupingBy(leg -> leg.agentCallId));
        return recent.stream()
                .map(call -> AgentCall.of(call, legsOf.getOrDefault(call.id, List.of())))
                .toList();
    }

    @Transactional
    Optional<AgentCall> view(UUID agentCallId) {
        return calls.findByIdOptional(agentCallId).map(call -> AgentCall.of(call, legs.ofCall(call.id)));
    }
}
