package dev.agentbin.agent;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * PUT .../password. {@code current_password} is the caller's own password, needed only when the caller
 * changes its own (see auth/PasswordChanges); an admin or manager setting another agent's sends none.
 */
public record PasswordRequest(
        @Schema(required = true, minLength = 8, description = ValidPassword.RULE) @ValidPassword
        String password,

        @Size(max = 1024, message = "current_password is at most 1024 characters")
        String currentPassword) {}
