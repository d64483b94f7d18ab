package dev.agentbin.agentcall;

import java.util.List;
import java.util.UUID;

/**
 * What a committed transition asks of the providers: legs to hang up, and whether more legs should
 * be originated (linear ringing moving on). Provider calls never happen inside a transaction.
 */
record FollowUp(UUID agentCallId, List<Hangup> hangups, boolean originateMore) {

    record Hangup(UUID legId, String provider, String providerCallId) {}

    static FollowUp none(UUID agentCallId) {
        return new FollowUp(agentCallId, List.of(), false);
    }
}
