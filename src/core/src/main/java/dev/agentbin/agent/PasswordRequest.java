package dev.agentbin.agent;

/** PUT .../password. */
public record PasswordRequest(@ValidPassword String password) {
}
