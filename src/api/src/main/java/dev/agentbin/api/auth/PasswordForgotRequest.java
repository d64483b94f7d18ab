package dev.agentbin.api.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordForgotRequest(
        @NotBlank(message = "username is required") @Size(max = 255, message = "username is at most 255 characters")
        String username) {}
