package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.agentbin.common.WireEnum;

/** The address types an agent can be rung on. */
public enum AddressType implements WireEnum {
    TEL,
    SIP,
    EXTENSION;

    @JsonCreator
    public static AddressType fromWire(String value) {
        return WireEnum.parse(AddressType.class, "address type", value);
    }
}
