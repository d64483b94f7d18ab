package dev.agentbin.agent;

import dev.agentbin.access.Permission;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** PUT /v1.0/agents/{id}/permission. */
public record PermissionRequest(
        @NotNull(message = "permission is required")
        @Min(value = 0, message = "permission must be between 0 and 65535")
        @Max(value = Permission.ALL, message = "permission must be between 0 and 65535")
        Long permission) {}
