package dev.agentbin.api.telephony;

import dev.agentbin.common.ApiException;

final class WebhookErrors {

    private WebhookErrors() {
    }

    static ApiException badSignature() {
        return ApiException.unauthenticated("INVALID_SIGNATURE", "The request signature does not verify.");
    }

    static ApiException unknownProvider(String provider) {
        return ApiException.notFound("PROVIDER_NOT_FOUND", "No telephony provider '" + provider + "' is configured.");
    }
}
