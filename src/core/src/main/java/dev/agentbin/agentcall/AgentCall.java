package dev.agentbin.agentcall;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentbin.agent.RingMethod;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agentcall with its legs, as GET /v1.0/agentcalls/{id} shows it.
 *
 * @param joinTarget         the ring request's join target, as the customer gave it
 * @param providerJoinTarget what the winning leg joins at the provider (Twilio's conference name): the join
 *                           target scoped to the customer ({@link ProviderJoinTarget}), where the customer's
 *                           call flow puts the caller
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentCall(
        UUID id,
        UUID customerId,
        UUID agentId,
        String source,
        String referenceId,
        String joinTarget,
        String providerJoinTarget,
        RingMethod ringMethod,
        AgentCallStatus status,
        int ringTimeout,
        Integer addressTimeout,
        Instant deadline,
        UUID answeredLegId,
        String endReason,
        List<AgentCallLeg> legs,
        Instant tmCreate,
        Instant tmAnswer,
        Instant tmEnd) {

    static AgentCall of(AgentCallEntity call, List<LegEntity> legs) {
        return new AgentCall(
                call.id,
                call.customerId,
                call.agentId,
                call.source,
                call.referenceId,
                call.joinTarget,
                ProviderJoinTarget.of(
                        call.customerId, call.joinTarget.isEmpty() ? call.id.toString() : call.joinTarget),
                call.ringMethod,
                call.status,
                call.ringTimeout,
                call.addressTimeout,
                call.deadline,
                call.answeredLegId,
                call.endReason,
                legs.stream().map(AgentCallLeg::of).toList(),
                call.tmCreate,
                call.tmAnswer,
                call.tmEnd);
    }
}
