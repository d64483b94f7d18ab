package dev.agentbin.agentcall;

/**
 * What one sweeper run did: ringing agentcalls ended past their deadline, answered ones ended past the
 * maximum call duration, agents released after wrap-up.
 */
public record SweepResult(int timedOut, int callsExpired, int wrapUpsReleased) {}
