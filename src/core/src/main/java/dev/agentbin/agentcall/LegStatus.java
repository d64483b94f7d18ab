package dev.agentbin.agentcall;

import dev.agentbin.common.WireEnum;
import java.util.EnumSet;
import java.util.Set;

/**
 * A leg moves forward only: pending → originating → ringing → answered → completed, or from any live
 * state to ended (the provider gave up: busy, no answer...), failed (origination refused) or canceled (by us).
 */
public enum LegStatus implements WireEnum {
    PENDING, ORIGINATING, RINGING, ANSWERED, COMPLETED, ENDED, FAILED, CANCELED;

    /** Legs that may still be answered. */
    public static final Set<LegStatus> LIVE = EnumSet.of(PENDING, ORIGINATING, RINGING);

    public boolean isLive() {
        return LIVE.contains(this);
    }

    /** Legs we ended ourselves: a phone still ringing on one must be hung up. */
    public boolean isGivenUp() {
        return this == CANCELED || this == FAILED;
    }
}
