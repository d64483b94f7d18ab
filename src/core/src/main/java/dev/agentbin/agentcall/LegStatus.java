package dev.agentbin.agentcall;

import dev.agentbin.common.WireEnum;
import java.util.EnumSet;
import java.util.Set;

/**
 * A leg moves forward only: pending → originating → ringing → (confirming →) answered → completed, or from any live
 * state to ended (the provider gave up: busy, no answer...), failed (origination refused) or canceled (by us).
 */
public enum LegStatus implements WireEnum {
    PENDING,
    ORIGINATING,
    RINGING,
    CONFIRMING,
    ANSWERED,
    COMPLETED,
    ENDED,
    FAILED,
    CANCELED;

    /** Legs that may still win; CONFIRMING picked up and waits for the person to confirm. */
    public static final Set<LegStatus> LIVE = EnumSet.of(PENDING, ORIGINATING, RINGING, CONFIRMING);

    public boolean isLive() {
        return LIVE.contains(this);
    }

    /** Legs we ended ourselves: a phone still ringing on one must be hung up. */
    public boolean isGivenUp() {
        return this == CANCELED || this == FAILED;
    }
}
