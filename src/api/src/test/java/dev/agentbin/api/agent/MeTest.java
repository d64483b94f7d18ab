package dev.agentbin.api.agent;

import static dev.agentbin.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /v1.0/me and the self-service routes: an agent without any permission bit manages its own agent. */
@QuarkusTest
class MeTest {

    @Inject
    TestAgents seeds;

    TestAgents.Seeded agent;

    @BeforeEach
    void seed() {
        agent = seeds.seed(UUID.randomUUID(), Permission.NONE);
    }

    @Test
    void meAndServiceAgentMeShowTheCallersOwnAgent() {
        as(agent)
                .get("/v1.0/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(agent.id().toString()))
                .body("username", equalTo(agent.username()))
                .body("$", not(hasKey("password_hash")));
        as(agent)
                .get("/v1.0/service_agents/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(agent.id().toString()));
        given().get("/v1.0/service_agents/me").then().statusCode(401);
    }

    @Test
    void anAgentUpdatesItsOwnProfileAndStatusButNoFieldItDoesNotOwn() {
        as(agent)
                .body(Map.of("name", "Me", "detail", "night shift", "ring_method", "linear", "permission", 65535))
                .put("/v1.0/service_agents/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("Me"))
                .body("ring_method", equalTo("linear"))
                .body("permission", equalTo(0));
        as(agent)
                .body(Map.of("status", "available"))
                .put("/v1.0/service_agents/me/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("available"));
    }

    @Test
    void anAgentReplacesItsOwnAddressesHereButNotThroughTheAdminRoute() {
        as(agent)
                .body(Map.of("addresses", List.of(Map.of("type", "tel", "target", "+1 555 777 0001"))))
                .put("/v1.0/service_agents/me/addresses")
                .then()
                .statusCode(200)
                .body("addresses.target", contains("+15557770001"));
        as(agent)
                .body(Map.of("addresses", List.of()))
                .put("/v1.0/agents/" + agent.id() + "/addresses")
                .then()
                .statusCode(403);
        TestAgents.Seeded colleague = seeds.seed(agent.customerId(), Permission.NONE);
        as(colleague)
                .body(Map.of("addresses", List.of(Map.of("type", "tel", "target", "+15557770001"))))
                .put("/v1.0/service_agents/me/addresses")
                .then()
                .statusCode(409)
                .body("error.reason", equalTo("ADDRESS_ALREADY_ASSIGNED"));
    }

    @Test
    void anAgentChangesItsOwnPasswordHereButNotThroughTheAdminRoute() {
        as(agent)
                .body(Map.of("password", "my-new-password"))
                .put("/v1.0/agents/" + agent.id() + "/password")
                .then()
                .statusCode(403);
        as(agent)
                .body(Map.of("password", "my-new-password", "current_password", TestAgents.PASSWORD))
                .put("/v1.0/service_agents/me/password")
                .then()
                .statusCode(200);
        TestAgents.login(agent.username(), "my-new-password");
    }
}
