package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How an agent's addresses are rung: all at once, or one after another in stored order. */
public enum RingMethod {
    RINGALL, LINEAR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RingMethod fromWire(String value) {
        return Arrays.stream(values())
                .filter(m -> m.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown ring_method '" + value + "', expected one of [ringall, linear]"));
    }
}
