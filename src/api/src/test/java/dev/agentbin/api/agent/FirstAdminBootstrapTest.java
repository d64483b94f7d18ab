package dev.agentbin.api.agent;

import static dev.agentbin.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.FirstAdminBootstrap;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A fresh deployment gets its first admin from configuration, once, however often the functions start.
 * Each run bootstraps a customer and username of its own: the test database outlives a run, and an
 * admin left by an earlier run would let a broken bootstrap pass.
 */
@QuarkusTest
@TestProfile(FirstAdminBootstrapTest.WithBootstrap.class)
class FirstAdminBootstrapTest {

    static final String PASSWORD = "bootstrap-password";

    public static class WithBootstrap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "agentbin.bootstrap.customer-id",
                    UUID.randomUUID().toString(),
                    "agentbin.bootstrap.username",
                    "bootstrap-" + UUID.randomUUID() + "@example.com",
                    "agentbin.bootstrap.password",
                    PASSWORD);
        }
    }

    @ConfigProperty(name = "agentbin.bootstrap.customer-id")
    UUID customer;

    @ConfigProperty(name = "agentbin.bootstrap.username")
    String username;

    @Inject
    FirstAdminBootstrap bootstrap;

    @Inject
    AgentService agentService;

    @Inject
    AgentRepository agents;

    @Test
    void theConfiguredAdminCanLogInAndAnotherStartAddsNoSecond() {
        Assertions.assertEquals(1, liveAgentsOf(customer), "created at start");
        String token = TestAgents.login(username, PASSWORD);
        as(token)
                .get("/v1.0/me")
                .then()
                .statusCode(200)
                .body("customer_id", equalTo(customer.toString()))
                .body("permission", equalTo((int) Permission.CUSTOMER_ADMIN));

        bootstrap.ensureFirstAdmin();
        bootstrap.ensureFirstAdmin();
        Assertions.assertEquals(1, liveAgentsOf(customer));
    }

    @Test
    void aCustomerThatHasAnAdminGetsNoSecondOneUnderAnotherName() {
        bootstrapWith(customer, "another-" + UUID.randomUUID() + "@example.com", PASSWORD)
                .ensureFirstAdmin();
        Assertions.assertEquals(1, liveAgentsOf(customer));
    }

    @Test
    void withoutCompleteConfigurationNothingIsCreated() {
        UUID fresh = UUID.randomUUID();
        String name = "absent-" + UUID.randomUUID() + "@example.com";
        new FirstAdminBootstrap(agentService, Optional.of(fresh), Optional.of(name), Optional.empty())
                .ensureFirstAdmin();
        new FirstAdminBootstrap(agentService, Optional.of(fresh), Optional.empty(), Optional.of(PASSWORD))
                .ensureFirstAdmin();
        new FirstAdminBootstrap(agentService, Optional.empty(), Optional.of(name), Optional.of(PASSWORD))
                .ensureFirstAdmin();
        Assertions.assertEquals(0, liveAgentsOf(fresh));
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefusedAndNothingIsCreated() {
        UUID fresh = UUID.randomUUID();
        FirstAdminBootstrap shortPassword =
                bootstrapWith(fresh, "short-" + UUID.randomUUID() + "@example.com", "1234567");
        IllegalStateException refused =
                Assertions.assertThrows(IllegalStateException.class, shortPassword::ensureFirstAdmin);
        Assertions.assertTrue(refused.getMessage().contains("agentbin.bootstrap.password"), refused.getMessage());
        Assertions.assertEquals(0, liveAgentsOf(fresh));

        bootstrapWith(fresh, "eight-" + UUID.randomUUID() + "@example.com", "12345678")
                .ensureFirstAdmin();
        Assertions.assertEquals(1, liveAgentsOf(fresh), "eight characters are enough");
    }

    private FirstAdminBootstrap bootstrapWith(UUID customerId, String name, String password) {
        return new FirstAdminBootstrap(agentService, Optional.of(customerId), Optional.of(name), Optional.of(password));
    }

    private long liveAgentsOf(UUID customerId) {
        return agents.count("customerId = ?1 and tmDelete is null", customerId);
    }
}
