package dev.agentbin.agent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * PUT /v1.0/agents/{id} and /v1.0/service_agents/me: a full overwrite as in the reference (an omitted
 * name or detail becomes empty, an omitted ring_method becomes ringall). agentbin's own ring settings,
 * unknown to reference clients, are kept when omitted.
 */
public record UpdateAgentRequest(
        @Size(max = 255, message = "name is at most 255 characters")
        String name,

        @Size(max = 4096, message = "detail is at most 4096 characters")
        String detail,

        RingMethod ringMethod,

        @Min(value = 0, message = "wrapup_seconds must be between 0 and 3600")
        @Max(value = 3600, message = "wrapup_seconds must be between 0 and 3600")
        Integer wrapupSeconds,

        @Min(value = 0, message = "max_no_answer must be between 0 and 100")
        @Max(value = 100, message = "max_no_answer must be between 0 and 100")
        Integer maxNoAnswer,

        AnswerConfirmation answerConfirmation) {}
