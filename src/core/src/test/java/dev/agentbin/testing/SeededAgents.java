package dev.agentbin.testing;

import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.PasswordHasher;
import dev.agentbin.agent.RingMethod;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Agents as tests write them straight into the database, for what the API cannot create (a customer's
 * first admin, a superadmin) or what a test need not create through it: offline, ring-all, no tags, and
 * all with the one {@link #PASSWORD}, so any test can log one in. The caller changes what its test needs
 * and persists the agent in its own transaction.
 */
public final class SeededAgents {

    /** The password of every seeded agent. */
    public static final String PASSWORD = "correct-horse-battery";

    private SeededAgents() {}

    public static AgentEntity agent(UUID customerId, String username, long permission) {
        AgentEntity agent = new AgentEntity();
        agent.id = UUID.randomUUID();
        agent.customerId = customerId;
        agent.username = username;
        agent.passwordHash = PasswordHash.VALUE;
        agent.name = "seeded";
        agent.detail = "";
        agent.ringMethod = RingMethod.RINGALL;
        agent.permission = permission;
        agent.tagIds = new UUID[0];
        agent.tmCreate = Instant.now().truncatedTo(ChronoUnit.MICROS);
        agent.statusSince = agent.tmCreate;
        return agent;
    }

    /** Hashed once, on first use: bcrypt takes most of a seed's time. */
    private static final class PasswordHash {
        static final String VALUE = new PasswordHasher().hash(PASSWORD);
    }
}
