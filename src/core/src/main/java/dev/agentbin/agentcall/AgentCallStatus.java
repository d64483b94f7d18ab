package dev.agentbin.agentcall;

import dev.agentbin.common.WireEnum;

/** ringing → answered → completed, or ringing → no_answer | canceled | failed. */
public enum AgentCallStatus implements WireEnum {
    RINGING,
    ANSWERED,
    COMPLETED,
    NO_ANSWER,
    CANCELED,
    FAILED;
}
