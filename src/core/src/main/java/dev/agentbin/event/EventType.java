package dev.agentbin.event;

import dev.agentbin.common.WireEnum;

/**
 * What happened. The four agent events are the reference's (same names, same triggers: agent_updated
 * only for a permission change); the agentcall events are agentbin's, so a customer can watch ring-all.
 * The tag events are the reference's bin-tag-manager's (same names, the tag as data), which it publishes
 * on its internal bus only; agentbin also delivers them to the webhook, since agents carry only tag ids
 * and a receiver showing names must learn of a rename or a delete.
 */
public enum EventType implements WireEnum {
    AGENT_CREATED,
    AGENT_DELETED,
    AGENT_UPDATED,
    /** Every status write, as in the reference: also one that leaves the value as it was. */
    AGENT_STATUS_UPDATED,
    AGENTCALL_CREATED,
    /** The agentcall as it stands once the first answer won: answered_leg_id names the winning leg. */
    AGENTCALL_ANSWERED,
    /** The agentcall as it ended: status is the outcome, end_reason why, and every leg with its own end. */
    AGENTCALL_ENDED,
    TAG_CREATED,
    TAG_UPDATED,
    /** The tag with tm_delete set; agents that carry its id keep it. */
    TAG_DELETED
}
