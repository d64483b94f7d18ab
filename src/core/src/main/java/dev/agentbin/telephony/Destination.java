package dev.agentbin.telephony;

/**
 * Where a leg rings, as a provider needs it: the kind of address, its normalized target, and the
 * free-text detail (the simulator reads its behaviour there).
 */
public record Destination(Kind kind, String target, String detail) {

    public enum Kind {
        /** An E.164 telephone number. */
        PHONE_NUMBER,
        /** A SIP address, user@host. */
        SIP,
        /** An extension of a PBX. */
        EXTENSION
    }
}
