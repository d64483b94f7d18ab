package dev.agentbin.api.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record LoginRequest(
        @NotBlank(message = "username is required") @Size(max = 255, message = "username is at most 255 characters")
        String username,

        @NotBlank(message = "password is required") @Size(max = 1024, message = "password is at most 1024 characters")
        String password) {}
