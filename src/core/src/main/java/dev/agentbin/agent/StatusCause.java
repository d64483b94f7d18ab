package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentbin.access.Caller;
import java.util.UUID;

/**
 * Why an agent's status changed, as the status history and the agent_status_updated event tell it. Every
 * writer of a status names its cause when it asks {@link AgentStatusOwner} for the change; nothing is
 * inferred afterwards. Every field is always sent, null when it does not apply to the type.
 *
 * @param agentId     who chose the status: the agent itself ({@code agent}) or an admin or manager
 *                    ({@code supervisor}); null for a ring-driven change and for an access key
 * @param accessKeyId the access key that chose it ({@code supervisor} only)
 * @param agentCallId the agentcall the ring-driven change comes from
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusCause(
        StatusCauseType type,
        UUID agentId,
        @JsonProperty("accesskey_id") UUID accessKeyId,
        @JsonProperty("agentcall_id") UUID agentCallId) {

    /** A status chosen over the API for {@code agent}: by the agent itself, or by a supervisor or access key. */
    static StatusCause chosenBy(Caller caller, UUID agent) {
        if (caller.isAgent(agent)) {
            return new StatusCause(StatusCauseType.AGENT, agent, null, null);
        }
        return new StatusCause(StatusCauseType.SUPERVISOR, caller.agentId(), caller.accessKeyId(), null);
    }

    /** A ring-driven change, from this agentcall. */
    public static StatusCause ofCall(StatusCauseType type, UUID agentCallId) {
        return new StatusCause(type, null, null, agentCallId);
    }

    /** The same cause, under another type (a miss that turns out to be the one that sends the agent away). */
    StatusCause as(StatusCauseType other) {
        return new StatusCause(other, agentId, accessKeyId, agentCallId);
    }
}
