package dev.agentbin.telephony;

import dev.agentbin.common.ApiException;

/** The refusals every provider's webhook shares. */
public final class WebhookErrors {

    private WebhookErrors() {}

    public static ApiException badSignature() {
        return ApiException.unauthenticated("INVALID_SIGNATURE", "The request signature does not verify.");
    }

    /** Also for a route the provider does not use: to the caller, that provider is not there. */
    public static ApiException unknownProvider(String provider) {
        return ApiException.notFound("PROVIDER_NOT_FOUND", "No telephony provider '" + provider + "' is configured.");
    }
}
