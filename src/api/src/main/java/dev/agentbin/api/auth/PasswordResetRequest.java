package dev.agentbin.api.auth;

import dev.agentbin.agent.ValidPassword;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The token's format is checked with the token itself: a malformed one answers like an unknown one. */
public record PasswordResetRequest(
        @NotNull(message = "token is required") @Size(max = 128, message = "token is at most 128 characters") String token,
        @ValidPassword String password) {
}
