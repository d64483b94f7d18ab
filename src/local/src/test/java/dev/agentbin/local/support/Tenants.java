package dev.agentbin.local.support;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.testing.SeededAgents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh customer per test, with its first admin: the one thing the API cannot create (the local run
 * bootstraps its own), so it goes straight into the database. Everything else goes through HTTP.
 */
@ApplicationScoped
public class Tenants {

    /** The first admin's password, for a test that logs in its own way. */
    public static final String PASSWORD = SeededAgents.PASSWORD;

    private final AgentRepository agents;

    public Tenants(AgentRepository agents) {
        this.agents = agents;
    }

    public Tenant create() {
        UUID customerId = UUID.randomUUID();
        String username = "admin-" + UUID.randomUUID() + "@example.com";
        insertAdmin(customerId, username);
        Http.Response login =
                Http.post(null, "/auth/login", Map.of("username", username, "password", SeededAgents.PASSWORD));
        if (login.status() != 200) {
            throw new AssertionError("admin login: " + login);
        }
        return new Tenant(customerId, username, login.text("token"));
    }

    @Transactional
    void insertAdmin(UUID customerId, String username) {
        AgentEntity admin = SeededAgents.agent(customerId, username, Permission.CUSTOMER_ADMIN);
        admin.name = "admin";
        agents.persist(admin);
    }
}
