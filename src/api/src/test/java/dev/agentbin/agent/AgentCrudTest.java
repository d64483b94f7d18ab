package dev.agentbin.agent;

import static dev.agentbin.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.agentbin.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgentCrudTest {

    @Inject
    TestAgents seeds;

    TestAgents.Seeded admin;

    @BeforeEach
    void seedAdmin() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
    }

    /** The VoIPBIN tutorial's create request; only the username is made an email, as the brief requires. */
    @Test
    void tutorialCreateThenStatusThenAddresses() {
        UUID tag = UUID.randomUUID();
        String id = as(admin).body(Map.of(
                        "username", "tutorial-" + UUID.randomUUID() + "@example.com",
                        "password", "password1234",
                        "name", "test agent 2",
                        "detail", "test agent 2 detail",
                        "ring_method", "ringall",
                        "permission", 0,
                        "tag_ids", List.of(tag)))
                .post("/v1.0/agents")
                .then().statusCode(200)
                .body("customer_id", equalTo(admin.customerId().toString()))
                .body("status", equalTo("offline"))
                .body("ring_method", equalTo("ringall"))
                .body("tag_ids", contains(tag.toString()))
                .body("addresses", empty())
                .body("$", not(hasKey("password_hash")))
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("tm_update")))
                .body("tm_create", notNullValue())
                .extract().path("id");

        as(admin).body(Map.of("status", "available"))
                .put("/v1.0/agents/" + id + "/status")
                .then().statusCode(200)
                .body("status", equalTo("available"))
                .body("tm_update", notNullValue());

        as(admin).body(Map.of("addresses", List.of(Map.of("type", "tel", "target", "+1-555-010-0123", "target_name", "desk"))))
                .put("/v1.0/agents/" + id + "/addresses")
                .then().statusCode(200)
                .body("addresses[0].type", equalTo("tel"))
                .body("addresses[0].target", equalTo("+15550100123"))
                .body("addresses[0].target_name", equalTo("desk"));

        as(admin).get("/v1.0/agents/" + id)
                .then().statusCode(200)
                .body("status", is("available"))
                .body("addresses.target", contains("+15550100123"));
    }
}
