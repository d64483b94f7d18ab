package dev.agentbin.agent;

import dev.agentbin.common.ApiException;
import java.util.UUID;

/** The agent API's errors, with the reference's reasons. */
public final class AgentErrors {

    private AgentErrors() {}

    public static ApiException notFound(UUID id) {
        return ApiException.notFound("AGENT_NOT_FOUND", "The agent " + id + " does not exist.");
    }

    static ApiException usernameTaken() {
        return ApiException.alreadyExists("AGENT_ALREADY_EXISTS", "An agent with this username already exists.");
    }

    static ApiException addressTaken() {
        return ApiException.alreadyExists(
                "ADDRESS_ALREADY_ASSIGNED", "One of the addresses already belongs to another agent of this customer.");
    }

    static ApiException lastAdmin(UUID id) {
        return ApiException.failedPrecondition(
                "LAST_ADMIN", "The agent " + id + " is the customer's last admin: make another agent admin first.");
    }

    static ApiException noAddresses() {
        return ApiException.failedPrecondition("AGENT_HAS_NO_ADDRESSES", "The agent has no address to ring.");
    }

    static ApiException notAvailable(AgentStatus status) {
        return ApiException.failedPrecondition(
                "AGENT_NOT_AVAILABLE",
                "The agent is " + status.wire() + ": only an available agent that no call holds can be rung.");
    }

    static ApiException inCall(UUID id) {
        return ApiException.failedPrecondition(
                "AGENT_IN_CALL",
                "The agent " + id + " is in a live agentcall: hang it up (POST /v1.0/agentcalls/{id}/hangup) first.");
    }
}
