package dev.agentbin.telephony;

import java.time.Instant;
import java.util.UUID;

/**
 * A provider event about one leg, normalized. Providers may repeat events and deliver them out of
 * order; the agentcall service applies them monotonically.
 *
 * @param legId          our leg id (carried in the callback URL)
 * @param providerCallId the provider's call id
 * @param kind           what happened
 * @param detail         the provider's own status word, kept for the record (e.g. "no-answer")
 * @param occurredAt     when the provider says it happened, or when we received it
 */
public record LegEvent(UUID legId, String providerCallId, Kind kind, String detail, Instant occurredAt) {

    public enum Kind {
        /** Accepted by the provider, not ringing yet. */
        INITIATED,
        RINGING,
        /** Picked up. Wins at once for a leg without answer confirmation; else the leg waits to be confirmed. */
        ANSWERED,
        /** A person confirmed the answer (pressed a key, or machine detection said human). */
        CONFIRMED,
        /** Machine detection found a machine (voicemail, fax): the leg is hung up, the others ring on. */
        MACHINE,
        /** Ended: after being answered (completed) or without (busy, no answer, failed, canceled). */
        ENDED
    }
}
