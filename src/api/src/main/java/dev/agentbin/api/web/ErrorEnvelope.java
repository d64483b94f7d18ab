package dev.agentbin.api.web;

/** {@code {"error":{"status","reason","message","request_id"}}}, as the reference answers every failure. */
public record ErrorEnvelope(Body error) {

    public record Body(String status, String reason, String message, String requestId) {}
}
