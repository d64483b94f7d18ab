package dev.agentbin.common;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure the client can act on: rendered as the reference's error envelope with this status and
 * reason. Anything else that escapes a service is an internal error.
 */
public class ApiException extends RuntimeException {

    private final ErrorStatus status;
    private final String reason;
    private final Duration retryAfter;

    public ApiException(ErrorStatus status, String reason, String message) {
        this(status, reason, message, null);
    }

    private ApiException(ErrorStatus status, String reason, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public ErrorStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** When trying again may succeed (answered as Retry-After). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public static ApiException tooManyAttempts(String message, Duration retryAfter) {
        return new ApiException(ErrorStatus.RESOURCE_EXHAUSTED, "TOO_MANY_ATTEMPTS", message, retryAfter);
    }

    public static ApiException invalid(String reason, String message) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, reason, message);
    }

    public static ApiException invalidArgument(String message) {
        return invalid("INVALID_ARGUMENT", message);
    }

    public static ApiException notFound(String reason, String message) {
        return new ApiException(ErrorStatus.NOT_FOUND, reason, message);
    }

    public static ApiException permissionDenied(String message) {
        return new ApiException(ErrorStatus.PERMISSION_DENIED, "PERMISSION_DENIED", message);
    }

    public static ApiException unauthenticated(String reason, String message) {
        return new ApiException(ErrorStatus.UNAUTHENTICATED, reason, message);
    }

    public static ApiException alreadyExists(String reason, String message) {
        return new ApiException(ErrorStatus.ALREADY_EXISTS, reason, message);
    }

    public static ApiException failedPrecondition(String reason, String message) {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, reason, message);
    }
}
