package dev.agentbin.api.auth;

public record LoginResponse(String username, String token) {}
