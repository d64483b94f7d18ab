package dev.agentbin.common;

/** The reference's error statuses and the HTTP code each one answers with. */
public enum ErrorStatus {
    INVALID_ARGUMENT(400),
    UNAUTHENTICATED(401),
    PERMISSION_DENIED(403),
    NOT_FOUND(404),
    ALREADY_EXISTS(409),
    FAILED_PRECONDITION(409),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    UNPROCESSABLE(422),
    RESOURCE_EXHAUSTED(429),
    HEADERS_TOO_LARGE(431),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int httpStatus;

    ErrorStatus(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
