package dev.agentbin.telephony;

import java.util.UUID;

/**
 * One leg to originate.
 *
 * @param legId         our id for the leg, chosen before the provider is called
 * @param agentCallId   the agentcall the leg belongs to
 * @param from          the caller id to present (the ring request's source)
 * @param to            where to ring
 * @param ringTimeoutSeconds how long the provider lets it ring before giving up
 * @param confirmation  what must happen after the answer before the leg may win
 */
public record Origination(
        UUID legId, UUID agentCallId, String from, Destination to, int ringTimeoutSeconds, Confirmation confirmation) {

    public enum Confirmation {
        /** The answer itself wins. */
        NONE,
        /** The person who answered presses a key. */
        KEY,
        /** The provider's answering-machine detection says a person answered. */
        MACHINE_DETECTION
    }
}
