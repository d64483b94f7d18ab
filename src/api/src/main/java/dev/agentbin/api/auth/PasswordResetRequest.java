package dev.agentbin.api.auth;

import dev.agentbin.agent.ValidPassword;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The token's format is checked with the token itself: a malformed one answers like an unknown one. */
public record PasswordResetRequest(
        @NotNull(message = "token is required") @Size(max = 128, message = "token is at most 128 characters")
        String token,

        @Schema(required = true, minLength = 8, description = ValidPassword.RULE) @ValidPassword
        String password) {}
