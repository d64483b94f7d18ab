package dev.agentbin.telephony;

import java.util.function.UnaryOperator;

/**
 * One request to a provider's webhook routes, {@code POST /v1.0/telephony/{provider}/{hook}}, as the
 * provider sent it: nothing in it is trusted before the provider's own check of its signature.
 *
 * @param query  the first value of a query parameter, or null
 * @param header the first value of a header, or null
 * @param body   the raw body
 */
public record ProviderCallback(Hook hook, UnaryOperator<String> query, UnaryOperator<String> header, byte[] body) {

    /** The webhook routes every provider is reached on; each provider answers the ones it uses. */
    public enum Hook {
        /** Call-progress events. */
        EVENTS,
        /** The provider asks what to do with a leg that picked up. */
        ANSWER,
        /** The person who picked up confirmed the answer (pressed a key). */
        CONFIRM
    }
}
