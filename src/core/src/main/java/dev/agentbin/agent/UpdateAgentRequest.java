package dev.agentbin.agent;

import jakarta.validation.constraints.Size;

/**
 * PUT /v1.0/agents/{id} and /v1.0/service_agents/me: a full overwrite as in the reference (an omitted
 * name or detail becomes empty, an omitted ring_method becomes ringall).
 */
public record UpdateAgentRequest(
        @Size(max = 255, message = "name is at most 255 characters") String name,
        @Size(max = 4096, message = "detail is at most 4096 characters") String detail,
        RingMethod ringMethod) {
}
