package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One item of GET /v1.0/agents/{id}/status_history: the agent's status went from {@code previousStatus} to
 * {@code status} at {@code tmCreate}, for {@code cause}. Every field is always sent, as the agent's are.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusChange(
        UUID id, UUID agentId, AgentStatus previousStatus, AgentStatus status, StatusCause cause, Instant tmCreate) {}
