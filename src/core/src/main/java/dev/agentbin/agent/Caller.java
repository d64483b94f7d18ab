package dev.agentbin.agent;

import java.util.UUID;

/**
 * The authenticated agent making a request, as re-read from the database for this request.
 *
 * @param tokenEpoch the agent's current token epoch (moved on by a password change)
 */
public record Caller(UUID agentId, UUID customerId, long permission, long tokenEpoch) {

    public boolean isSuperAdmin() {
        return Permission.has(permission, Permission.PROJECT_SUPER_ADMIN);
    }
}
