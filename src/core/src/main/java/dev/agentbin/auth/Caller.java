package dev.agentbin.auth;

import dev.agentbin.agent.Permission;
import java.util.UUID;

/** The authenticated agent making a request, as re-read from the database for this request. */
public record Caller(UUID agentId, UUID customerId, long permission) {

    public boolean isSuperAdmin() {
        return Permission.has(permission, Permission.PROJECT_SUPER_ADMIN);
    }
}
