package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.agentbin.common.WireEnum;

/** How an agent's addresses are rung: all at once, or one after another in stored order. */
public enum RingMethod implements WireEnum {
    RINGALL,
    LINEAR;

    @JsonCreator
    public static RingMethod fromWire(String value) {
        return WireEnum.parse(RingMethod.class, "ring_method", value);
    }
}
