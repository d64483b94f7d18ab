package dev.agentbin.auth;

import dev.agentbin.access.AccessPolicy;
import dev.agentbin.access.Caller;
import dev.agentbin.agent.Agent;
import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentErrors;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.PasswordHasher;
import dev.agentbin.agent.PasswordRequest;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Password changes through the API. Changing one's own password, by the self-service route or by one's own
 * id, needs the current one: a stolen token must not become a takeover that also logs the owner out. The
 * check spends the login failure budgets, so the route is no way around them to guess a password. An admin
 * or manager setting another agent's password needs none.
 * The check runs before the change's transaction, not inside it: a refused guess must stay counted when the
 * change rolls back, and no agent row stays locked while bcrypt runs.
 */
@ApplicationScoped
public class PasswordChanges {

    private final AgentService agentService;
    private final AgentRepository agents;
    private final AccessPolicy policy;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    public PasswordChanges(
            AgentService agentService,
            AgentRepository agents,
            AccessPolicy policy,
            PasswordHasher hasher,
            LoginThrottle throttle) {
        this.agentService = agentService;
        this.agents = agents;
        this.policy = policy;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /** PUT /v1.0/agents/{id}/password. @param source the client's address, as for login */
    public Agent change(Caller caller, UUID id, PasswordRequest request, String source) {
        if (caller.isAgent(id)) {
            agents.findLive(id).ifPresent(self -> {
                // A caller this route is not for learns so first (403), before any password is asked for or spent.
                policy.check(
                        caller, self.accessTarget(), AccessPolicy.Action.SET_PASSWORD, () -> AgentErrors.notFound(id));
                confirm(self, request.currentPassword(), source);
            });
        }
        return agentService.updatePassword(caller, id, request);
    }

    /** PUT /v1.0/service_agents/me/password. @param source the client's address, as for login */
    public Agent changeOwn(Caller caller, PasswordRequest request, String source) {
        agents.findLive(policy.serviceAgent(caller))
                .ifPresent(self -> confirm(self, request.currentPassword(), source));
        return agentService.updateOwnPassword(caller, request);
    }

    /**
     * An agent deleted since its token was checked is not found here and is left to the change itself, which
     * answers 404.
     *
     * @throws ApiException 400 INVALID_ARGUMENT without a current password, 403 CURRENT_PASSWORD_WRONG for a
     *                      wrong one, 429 TOO_MANY_ATTEMPTS when a login budget is spent
     */
    private void confirm(AgentEntity self, String currentPassword, String source) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw ApiException.invalidArgument("current_password is required to change your own password");
        }
        String key = agents.usernameKey(self.username);
        throttle.spend(key, source);
        if (!hasher.matches(currentPassword, self.passwordHash)) {
            throw new ApiException(
                    ErrorStatus.PERMISSION_DENIED, "CURRENT_PASSWORD_WRONG", "The current password is wrong.");
        }
        throttle.refund(key, source);
    }
}
