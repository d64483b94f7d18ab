package dev.agentbin.agentcall;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** ringing → answered → completed, or ringing → no_answer | canceled | failed. */
public enum AgentCallStatus {
    RINGING, ANSWERED, COMPLETED, NO_ANSWER, CANCELED, FAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AgentCallStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
