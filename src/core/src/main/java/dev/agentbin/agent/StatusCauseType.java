package dev.agentbin.agent;

import dev.agentbin.common.WireEnum;

/** The causes, by their wire names (docs/status-history.md). */
public enum StatusCauseType implements WireEnum {
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
