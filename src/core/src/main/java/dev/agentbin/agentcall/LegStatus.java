package dev.agentbin.agentcall;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A leg moves forward only: pending → originating → ringing → answered → completed, or from any live
 * state to ended (the provider gave up: busy, no answer...), failed (origination refused) or canceled (by us).
 */
public enum LegStatus {
    PENDING, ORIGINATING, RINGING, ANSWERED, COMPLETED, ENDED, FAILED, CANCELED;

    /** Legs that may still be answered. */
    public static final Set<LegStatus> LIVE = EnumSet.of(PENDING, ORIGINATING, RINGING);

    public boolean isLive() {
        return LIVE.contains(this);
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LegStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
