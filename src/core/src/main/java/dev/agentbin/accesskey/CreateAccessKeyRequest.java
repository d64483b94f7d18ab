package dev.agentbin.accesskey;

import dev.agentbin.access.Permission;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * POST /v1.0/accesskeys: the reference's {name, detail, expire} (expire in seconds, at least a day, as the
 * reference requires, and at most a year, which the reference does not: a key is a long-lived admin
 * credential, and a leaked one must not stay usable for decades), plus an optional permission: the reference's keys act as the customer's admin, which
 * stays the default; a narrower one may be asked for, never more than the caller may grant.
 */
public record CreateAccessKeyRequest(
        @Size(max = 255, message = "name is at most 255 characters")
        String name,

        @Size(max = 4096, message = "detail is at most 4096 characters")
        String detail,

        @NotNull(message = "expire (seconds until the key expires, 86400 to 31536000) is required")
        @Min(value = MIN_EXPIRE, message = EXPIRE_RANGE)
        @Max(value = MAX_EXPIRE, message = EXPIRE_RANGE)
        Long expire,

        @Min(value = 0, message = "permission must be between 0 and 65535")
        @Max(value = Permission.ALL, message = "permission must be between 0 and 65535")
        Long permission) {

    static final long MIN_EXPIRE = 86_400;
    static final long MAX_EXPIRE = 365 * 86_400;
    static final String EXPIRE_RANGE = "expire must be between 86400 (a day) and 31536000 (365 days) seconds";
}
