package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentbin.common.WireEnum;
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
        Type type,
        UUID agentId,
        @JsonProperty("accesskey_id") UUID accessKeyId,
        @JsonProperty("agentcall_id") UUID agentCallId) {

    /** The causes, by their wire names (docs/status-history.md). */
    public enum Type implements WireEnum {
        /** The agent set its own status. */
        AGENT,
        /** An admin or manager of the customer (or a superadmin), or an access key, set it. */
        SUPERVISOR,
        /** Ring-all claimed the agent for a ring: available → ringing. */
        CLAIM,
        /** The agent answered: ringing → busy. */
        ANSWER,
        /** The answered call ended (the agent is free at once, or starts its wrap-up). */
        END,
        /** The wrap-up after the call is over: busy → available. */
        WRAPUP_OVER,
        /** Nobody answered (every leg ended unanswered, a machine picked up): a miss. */
        NO_ANSWER,
        /** The miss that reached the agent's max_no_answer: ringing → away. */
        MAX_NO_ANSWER,
        /** The caller gave up before an answer. */
        CANCELED,
        /** Every origination of the ring failed. */
        FAILED,
        /** The sweeper ended the call: a ring past its deadline, or an answered call past the maximum duration. */
        SWEEPER
    }

    /** A status chosen over the API for {@code agent}: by the agent itself, or by a supervisor or access key. */
    static StatusCause chosenBy(Caller caller, UUID agent) {
        if (caller.isAgent(agent)) {
            return new StatusCause(Type.AGENT, agent, null, null);
        }
        return new StatusCause(Type.SUPERVISOR, caller.agentId(), caller.accessKeyId(), null);
    }

    /** A ring-driven change, from this agentcall. */
    public static StatusCause ofCall(Type type, UUID agentCallId) {
        return new StatusCause(type, null, null, agentCallId);
    }

    /** The same cause, under another type (a miss that turns out to be the one that sends the agent away). */
    StatusCause as(Type other) {
        return new StatusCause(other, agentId, accessKeyId, agentCallId);
    }
}
