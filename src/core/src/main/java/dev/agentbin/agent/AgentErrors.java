package dev.agentbin.agent;

import dev.agentbin.common.ApiException;
import java.util.UUID;

/** The agent API's errors, with the reference's reasons. */
final class AgentErrors {

    private AgentErrors() {
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound("AGENT_NOT_FOUND", "The agent " + id + " does not exist.");
    }

    static ApiException usernameTaken() {
        return ApiException.alreadyExists("AGENT_ALREADY_EXISTS", "An agent with this username already exists.");
    }

    static ApiException addressTaken() {
        return ApiException.alreadyExists("ADDRESS_ALREADY_ASSIGNED",
                "One of the addresses already belongs to another agent of this customer.");
    }

    static ApiException lastAdmin(UUID id) {
        return ApiException.failedPrecondition("LAST_ADMIN",
                "The agent " + id + " is the customer's last admin: make another agent admin first.");
    }
}
