package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** An agent's availability. {@code ringing} and {@code busy} are normally set by ring-all dispatch. */
public enum AgentStatus {
    AVAILABLE, AWAY, BUSY, OFFLINE, RINGING;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Jackson calls this for request bodies; an unknown value becomes a 400 naming the allowed ones. */
    @JsonCreator
    public static AgentStatus fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown status '" + value + "', expected one of " + Arrays.toString(wires())));
    }

    static String[] wires() {
        return Arrays.stream(values()).map(AgentStatus::wire).toArray(String[]::new);
    }
}
