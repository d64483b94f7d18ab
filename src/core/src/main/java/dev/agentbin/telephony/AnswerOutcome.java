package dev.agentbin.telephony;

/**
 * What becomes of a leg that picked up, as decided by the agentcall service, for a provider that asks
 * (Twilio fetching the answered leg's TwiML).
 *
 * @param joinTarget what a winning leg joins: the agentcall's provider-side join target, unique per customer
 *                   (the provider account is shared); null unless the kind is {@link Kind#JOIN}
 */
public record AnswerOutcome(Kind kind, String joinTarget) {

    public enum Kind {
        /** It won: connect it to the join target. */
        JOIN,
        /** It must be confirmed first: ask the person to press a key. */
        CONFIRM,
        /** It lost, or is not a call we know for the leg: hang it up. */
        HANGUP
    }

    public static AnswerOutcome join(String target) {
        return new AnswerOutcome(Kind.JOIN, target);
    }

    public static AnswerOutcome confirm() {
        return new AnswerOutcome(Kind.CONFIRM, null);
    }

    public static AnswerOutcome hangup() {
        return new AnswerOutcome(Kind.HANGUP, null);
    }
}
