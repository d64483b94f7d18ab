package dev.agentbin.telephony;

import dev.agentbin.agent.AnswerConfirmation;
import java.util.UUID;

/**
 * One leg to originate.
 *
 * @param legId         our id for the leg, chosen before the provider is called
 * @param agentCallId   the agentcall the leg belongs to
 * @param from          the caller id to present (the ring request's source)
 * @param to            the agent's address to ring
 * @param ringTimeoutSeconds how long the provider lets it ring before giving up
 * @param confirmation  what must happen after the answer before the leg may win (a key, machine detection)
 */
public record Origination(UUID legId, UUID agentCallId, String from, Destination to, int ringTimeoutSeconds,
        AnswerConfirmation confirmation) {
}
