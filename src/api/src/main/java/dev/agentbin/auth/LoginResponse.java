package dev.agentbin.auth;

public record LoginResponse(String username, String token) {
}
