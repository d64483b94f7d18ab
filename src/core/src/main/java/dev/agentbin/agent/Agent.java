package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The public shape of an agent, field for field the reference's, plus agentbin's ring-all settings
 * (wrapup_seconds, max_no_answer); the password hash never leaves.
 */
public record Agent(
        UUID id,
        UUID customerId,
        String username,
        String name,
        String detail,
        RingMethod ringMethod,
        AgentStatus status,
        long permission,
        List<UUID> tagIds,
        List<Address> addresses,
        int wrapupSeconds,
        int maxNoAnswer,
        AnswerConfirmation answerConfirmation,
        Instant tmCreate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant tmUpdate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant tmDelete) {
}
