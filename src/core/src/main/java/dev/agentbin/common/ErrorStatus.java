package dev.agentbin.common;

/**
 * The reference's error statuses, in domain terms: what went wrong, not how a transport says it. The web
 * layer maps them to HTTP codes (web/ErrorMappers), the event handlers to retry or consume.
 */
public enum ErrorStatus {
    INVALID_ARGUMENT,
    UNAUTHENTICATED,
    PERMISSION_DENIED,
    NOT_FOUND,
    ALREADY_EXISTS,
    FAILED_PRECONDITION,
    PAYLOAD_TOO_LARGE,
    URI_TOO_LONG,
    UNSUPPORTED_MEDIA_TYPE,
    UNPROCESSABLE,
    RESOURCE_EXHAUSTED,
    HEADERS_TOO_LARGE,
    INTERNAL,
    UNAVAILABLE;

    /** Whether the same request may succeed later (too busy, a dependency down): everything else is an answer. */
    public boolean isTransient() {
        return this == RESOURCE_EXHAUSTED || this == INTERNAL || this == UNAVAILABLE;
    }
}
