package dev.agentbin.agentcall;

/** What one sweeper run did: agentcalls ended past their deadline, agents released after wrap-up. */
public record SweepResult(int timedOut, int wrapUpsReleased) {
}
