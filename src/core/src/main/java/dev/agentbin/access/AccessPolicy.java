package dev.agentbin.access;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every permission rule of the service, in one place: who may do what to agents and to every other
 * resource of a customer. It sits below the features (agent, agentcall, tag, accesskey, event), which all
 * ask it, so none of them imports another's rules.
 *
 * <ul>
 *   <li>A superadmin acts on any customer; admins and managers act within their own customer.</li>
 *   <li>Another customer's agent does not exist for the caller (404, never 403).</li>
 *   <li>An agent acts on itself for its profile, status and the self-service routes only, and reads its own
 *       agentcalls and statistics.</li>
 *   <li>Nobody grants a bit it does not hold, and nobody changes the permission or password of, or
 *       deletes, an agent holding bits it does not hold (a manager cannot take over an admin).</li>
 *   <li>An access key is held to the same rules with its own permission; it is no agent, so it never
 *       acts as "the agent itself" and has no "me".</li>
 * </ul>
 */
@ApplicationScoped
public class AccessPolicy {

    public enum Action {
        VIEW,
        EDIT_PROFILE,
        SET_STATUS,
        SET_ADDRESSES,
        SET_TAGS,
        SET_PASSWORD,
        SET_PERMISSION,
        DELETE,
        /** The self-service routes (/service_agents/me/...): only ever the caller's own agent. */
        SELF_SERVICE
    }

    /** What the rules read of the agent an action is on. */
    public record Target(UUID id, UUID customerId, long permission) {}

    /** Throws 404 when the target is outside the caller's reach and 403 when the action is not allowed. */
    public void check(Caller caller, Target target, Action action, Supplier<ApiException> notFound) {
        if (!caller.isSuperAdmin() && !caller.customerId().equals(target.customerId())) {
            throw notFound.get();
        }
        boolean self = caller.isAgent(target.id());
        boolean allowed = switch (action) {
            case VIEW, EDIT_PROFILE, SET_STATUS -> self || manages(caller, target.customerId());
            case SET_ADDRESSES, SET_TAGS -> manages(caller, target.customerId());
            case SET_PASSWORD, SET_PERMISSION, DELETE ->
                manages(caller, target.customerId()) && holdsAll(caller, target.permission());
            case SELF_SERVICE -> self;
        };
        if (!allowed) {
            throw ApiException.permissionDenied("The caller may not perform this action on this agent.");
        }
    }

    /** Listing and creating agents of a customer. */
    public void checkManages(Caller caller, UUID customerId) {
        if (!manages(caller, customerId)) {
            throw ApiException.permissionDenied("Only an admin or a manager of the customer may do this.");
        }
    }

    /**
     * Another resource of a customer (an agentcall): another customer's does not exist for the caller,
     * and only the customer's admins and managers (or a superadmin) may use it.
     */
    public void checkManagesResourceOf(Caller caller, UUID customerId, Supplier<ApiException> notFound) {
        if (!caller.isSuperAdmin() && !caller.customerId().equals(customerId)) {
            throw notFound.get();
        }
        checkManages(caller, customerId);
    }

    /**
     * An agent's agentcalls, and its statistics (made of them): the agent itself (so its console can follow
     * the call ringing it) or an admin or manager of its customer, agent or access key (a PBX reading the
     * calls it placed). Another customer's do not exist for the caller.
     */
    public void checkSeesCallsOf(Caller caller, UUID customerId, UUID agentId, Supplier<ApiException> notFound) {
        if (!caller.isSuperAdmin() && !caller.customerId().equals(customerId)) {
            throw notFound.get();
        }
        if (!caller.isAgent(agentId)) {
            checkManages(caller, customerId);
        }
    }

    /**
     * A customer's own settings (its webhook): its admins, or a superadmin for any customer. Another
     * customer's do not exist for the caller; a manager or agent of the customer is refused.
     */
    public void checkAdministers(Caller caller, UUID customerId, Supplier<ApiException> notFound) {
        if (!caller.isSuperAdmin() && !caller.customerId().equals(customerId)) {
            throw notFound.get();
        }
        if (!caller.isSuperAdmin() && !Permission.has(caller.permission(), Permission.CUSTOMER_ADMIN)) {
            throw ApiException.permissionDenied("Only an admin of the customer may do this.");
        }
    }

    /**
     * The agent GET /v1.0/me is about. An access key is nobody: 403 AGENT_AUTH_REQUIRED, as the reference
     * answers any caller that is not an agent.
     */
    public UUID me(Caller caller) {
        if (!caller.isAgent()) {
            throw new ApiException(
                    ErrorStatus.PERMISSION_DENIED,
                    "AGENT_AUTH_REQUIRED",
                    "GET /v1.0/me is about an agent: log in as one (an access key is no agent).");
        }
        return caller.agentId();
    }

    /**
     * The agent the self-service routes (/v1.0/service_agents/me...) are about. The reference answers a
     * caller that is not an agent 401 AUTHENTICATION_REQUIRED here (unlike /me), and so do we.
     */
    public UUID serviceAgent(Caller caller) {
        if (!caller.isAgent()) {
            throw ApiException.unauthenticated(
                    "AUTHENTICATION_REQUIRED",
                    "The service_agents/me routes need an agent's token; an access key is no agent.");
        }
        return caller.agentId();
    }

    /** The caller's own customer's access keys: its admins (a superadmin, or a key acting as admin, too). */
    public void checkManagesAccessKeys(Caller caller) {
        if (!caller.isSuperAdmin() && !Permission.has(caller.permission(), Permission.CUSTOMER_ADMIN)) {
            throw ApiException.permissionDenied("Only an admin of the customer may manage its access keys.");
        }
    }

    /**
     * One access key. Keys are one customer's credentials, so another customer's key does not exist for any
     * caller, superadmins included (as in the reference).
     */
    public void checkManagesAccessKey(Caller caller, UUID keyCustomerId, Supplier<ApiException> notFound) {
        if (!caller.customerId().equals(keyCustomerId)) {
            throw notFound.get();
        }
        checkManagesAccessKeys(caller);
    }

    /** The bits of {@code permission} must all be grantable by the caller. */
    public void checkGrant(Caller caller, long permission) {
        if (!holdsAll(caller, permission)) {
            throw ApiException.permissionDenied("The caller cannot grant permission " + permission + ": it holds "
                    + grantable(caller) + " at most.");
        }
    }

    /**
     * What every member of a customer reads (its tags): any of its agents, an access key holding a customer
     * bit, or a superadmin. Another customer's does not exist for the caller.
     */
    public void checkReadsSharedOf(Caller caller, UUID customerId, Supplier<ApiException> notFound) {
        if (!caller.isSuperAdmin() && !caller.customerId().equals(customerId)) {
            throw notFound.get();
        }
        checkReadsShared(caller);
    }

    /** As {@link #checkReadsSharedOf}, in the caller's own customer. */
    public void checkReadsShared(Caller caller) {
        if (!caller.isAgent()
                && !caller.isSuperAdmin()
                && !Permission.has(caller.permission(), Permission.CUSTOMER_ALL)) {
            throw ApiException.permissionDenied("This access key holds no permission in the customer.");
        }
    }

    private static boolean manages(Caller caller, UUID customerId) {
        if (caller.isSuperAdmin()) {
            return true;
        }
        return caller.customerId().equals(customerId)
                && Permission.has(caller.permission(), Permission.CUSTOMER_ADMIN | Permission.CUSTOMER_MANAGER);
    }

    private static boolean holdsAll(Caller caller, long permission) {
        return (permission & ~grantable(caller)) == 0;
    }

    /** What the caller may hand out: an admin holds every customer bit, a manager the manager and agent bits. */
    private static long grantable(Caller caller) {
        if (caller.isSuperAdmin()) {
            return Permission.ALL;
        }
        long bits = 0;
        if (Permission.has(caller.permission(), Permission.CUSTOMER_ADMIN)) {
            bits |= Permission.CUSTOMER_ALL;
        }
        if (Permission.has(caller.permission(), Permission.CUSTOMER_MANAGER)) {
            bits |= Permission.CUSTOMER_MANAGER | Permission.CUSTOMER_AGENT;
        }
        return bits;
    }
}
