package dev.agentbin.api.agent;

import dev.agentbin.agent.AgentRepository;
import dev.agentbin.agent.FirstAdminBootstrap;
import dev.agentbin.agent.Permission;

import static dev.agentbin.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** A fresh deployment gets its first admin from configuration, once, however often the functions start. */
@QuarkusTest
@TestProfile(FirstAdminBootstrapTest.WithBootstrap.class)
class FirstAdminBootstrapTest {

    static final String CUSTOMER = "00000000-0000-4000-8000-0000000b0075";
    static final String USERNAME = "bootstrap-admin@example.com";
    static final String PASSWORD = "bootstrap-password";

    public static class WithBootstrap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("agentbin.bootstrap.customer-id", CUSTOMER, "agentbin.bootstrap.username", USERNAME,
                    "agentbin.bootstrap.password", PASSWORD);
        }
    }

    @Inject
    FirstAdminBootstrap bootstrap;

    @Inject
    AgentRepository agents;

    @Test
    void theConfiguredAdminCanLogInAndAnotherStartAddsNoSecond() {
        String token = TestAgents.login(USERNAME, PASSWORD);
        as(token).get("/v1.0/me").then().statusCode(200)
                .body("customer_id", equalTo(CUSTOMER))
                .body("permission", equalTo((int) Permission.CUSTOMER_ADMIN));

        bootstrap.ensureFirstAdmin();
        bootstrap.ensureFirstAdmin();
        Assertions.assertEquals(1, admins());
    }

    @Transactional
    long admins() {
        return agents.count("customerId = ?1 and tmDelete is null", UUID.fromString(CUSTOMER));
    }
}
