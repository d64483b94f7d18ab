package dev.agentbin.access;

import java.util.Objects;
import java.util.UUID;

/**
 * Who makes a request, as re-read from the database for this request: an agent (logged in with a token),
 * or one of a customer's access keys. A key acts in its customer with the key's permission, exactly as an
 * agent holding those bits would, but it is nobody: it is never "the agent itself" and has no "me".
 *
 * @param agentId the agent, or null for an access key
 * @param tokenEpoch the agent's current token epoch (moved on by a password change); 0 for a key
 * @param accessKeyId the access key, or null for an agent
 */
public record Caller(UUID agentId, UUID customerId, long permission, long tokenEpoch, UUID accessKeyId) {

    public Caller {
        Objects.requireNonNull(customerId, "customerId");
        if ((agentId == null) == (accessKeyId == null)) {
            throw new IllegalArgumentException("a caller is either an agent or an access key");
        }
    }

    /** An agent caller. */
    public Caller(UUID agentId, UUID customerId, long permission, long tokenEpoch) {
        this(agentId, customerId, permission, tokenEpoch, null);
    }

    public static Caller accessKey(UUID accessKeyId, UUID customerId, long permission) {
        return new Caller(null, customerId, permission, 0, accessKeyId);
    }

    public boolean isAgent() {
        return agentId != null;
    }

    /** Whether the caller is this very agent (never true for an access key). */
    public boolean isAgent(UUID id) {
        return agentId != null && agentId.equals(id);
    }

    public boolean isSuperAdmin() {
        return Permission.has(permission, Permission.PROJECT_SUPER_ADMIN);
    }

    /** Who did it, for the record: the agent or the key. */
    public UUID actorId() {
        return agentId != null ? agentId : accessKeyId;
    }
}
