package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.agentbin.common.WireEnum;

/** An agent's availability. {@code ringing} and {@code busy} are normally set by ring-all dispatch. */
public enum AgentStatus implements WireEnum {
    AVAILABLE,
    AWAY,
    BUSY,
    OFFLINE,
    RINGING;

    @JsonCreator
    public static AgentStatus fromWire(String value) {
        return WireEnum.parse(AgentStatus.class, "status", value);
    }
}
