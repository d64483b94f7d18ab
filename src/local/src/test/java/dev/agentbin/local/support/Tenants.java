package dev.agentbin.local.support;

import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agent.PasswordHasher;
import dev.agentbin.agent.Permission;
import dev.agentbin.agent.RingMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh customer per test, with its first admin: the one thing the API cannot create (the local run
 * bootstraps its own), so it goes straight into the database. Everything else goes through HTTP.
 */
@ApplicationScoped
public class Tenants {

    /** The first admin's password, for a test that logs in its own way. */
    public static final String PASSWORD = "correct-horse-battery";

    private final AgentRepository agents;
    private final PasswordHasher hasher;

    public Tenants(AgentRepository agents, PasswordHasher hasher) {
        this.agents = agents;
        this.hasher = hasher;
    }

    public Tenant create() {
        UUID customerId = UUID.randomUUID();
        String username = "admin-" + UUID.randomUUID() + "@example.com";
        insertAdmin(customerId, username);
        Http.Response login = Http.post(null, "/auth/login", Map.of("username", username, "password", PASSWORD));
        if (login.status() != 200) {
            throw new AssertionError("admin login: " + login);
        }
        return new Tenant(customerId, username, login.text("token"));
    }

    @Transactional
    void insertAdmin(UUID customerId, String username) {
        AgentEntity admin = new AgentEntity();
        admin.id = UUID.randomUUID();
        admin.customerId = customerId;
        admin.username = username;
        admin.passwordHash = hasher.hash(PASSWORD);
        admin.name = "admin";
        admin.detail = "";
        admin.ringMethod = RingMethod.RINGALL;
        admin.status = AgentStatus.OFFLINE;
        admin.permission = Permission.CUSTOMER_ADMIN;
        admin.tagIds = new UUID[0];
        admin.tmCreate = Instant.now().truncatedTo(ChronoUnit.MICROS);
        agents.persist(admin);
    }
}
