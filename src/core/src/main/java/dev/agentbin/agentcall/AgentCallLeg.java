package dev.agentbin.agentcall;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentbin.agent.AddressType;
import dev.agentbin.agent.AnswerConfirmation;
import java.time.Instant;
import java.util.UUID;

/** One leg as the API shows it: which address, which provider call, and when each step happened. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentCallLeg(
        UUID id,
        int idx,
        String provider,
        AddressType type,
        String target,
        String providerCallId,
        AnswerConfirmation confirmation,
        LegStatus status,
        String endReason,
        Instant tmCreate,
        Instant tmOriginate,
        Instant tmRinging,
        Instant tmAnswer,
        Instant tmConfirm,
        Instant tmEnd) {

    static AgentCallLeg of(LegEntity leg) {
        return new AgentCallLeg(
                leg.id,
                leg.idx,
                leg.provider,
                leg.addressType,
                leg.target,
                leg.providerCallId,
                leg.confirmation,
                leg.status,
                leg.endReason,
                leg.tmCreate,
                leg.tmOriginate,
                leg.tmRinging,
                leg.tmAnswer,
                leg.tmConfirm,
                leg.tmEnd);
    }
}
