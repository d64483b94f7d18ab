package dev.agentbin.auth;

import dev.agentbin.access.Caller;
import dev.agentbin.accesskey.AccessKeyRepository;
import dev.agentbin.accesskey.AccessKeySecrets;
import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.agent.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns credentials into a {@link Caller}. Every request re-reads the agent or the access key, so a deleted
 * agent's token or a deleted or expired key stops working at once and permission changes apply to the very
 * next request.
 */
@ApplicationScoped
public class CallerLoader {

    private final AgentRepository agents;
    private final AccessKeyRepository accessKeys;
    private final PasswordHasher hasher;
    private final Clock clock;

    public CallerLoader(AgentRepository agents, AccessKeyRepository accessKeys, PasswordHasher hasher, Clock clock) {
        this.agents = agents;
        this.accessKeys = accessKeys;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * The live agent a verified token names, when it still belongs to the token's customer and the token
     * was issued in the agent's current epoch (not before a password change).
     */
    public Optional<Caller> byToken(UUID agentId, UUID customerId, long tokenEpoch) {
        return agents.findLive(agentId)
                .filter(agent -> agent.customerId.equals(customerId) && agent.tokenEpoch == tokenEpoch)
                .map(CallerLoader::toCaller);
    }

    /** The access key a secret belongs to, while it is neither deleted nor expired. */
    public Optional<Caller> byAccessKey(String secret) {
        return accessKeys
                .findUsable(AccessKeySecrets.hash(secret), clock.instant())
                .map(key -> Caller.accessKey(key.id, key.customerId, key.permission));
    }

    /**
     * Login: a wrong password and an unknown username fail alike, in the same time.
     *
     * @param usernameKey {@link AgentRepository#usernameKey}
     */
    public Optional<Caller> byPassword(String usernameKey, String password) {
        Optional<AgentEntity> agent = agents.findLiveByUsernameKey(usernameKey);
        boolean matches = agent.isPresent()
                ? hasher.matches(password, agent.get().passwordHash)
                : hasher.matchesNothing(password);
        return matches ? agent.map(CallerLoader::toCaller) : Optional.empty();
    }

    private static Caller toCaller(AgentEntity agent) {
        return new Caller(agent.id, agent.customerId, agent.permission, agent.tokenEpoch);
    }
}
