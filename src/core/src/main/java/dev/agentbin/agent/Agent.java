package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The public shape of an agent, field for field the reference's, plus agentbin's ring-all settings
 * (wrapup_seconds, max_no_answer, answer_confirmation); the password hash never leaves. Every field is
 * always sent, null when unset (a fresh agent's tm_update and tm_delete), in answers and events alike, so a
 * client never has to tell a missing key from an empty value.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
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
        Instant tmUpdate,
        Instant tmDelete) {}
