package dev.agentbin.api.agent;

import static dev.agentbin.api.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.auth.LoginBudgets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A stolen token must not become a takeover: changing one's own password, by the self-service route or by
 * one's own id, needs the current password; an admin or manager setting another agent's does not.
 */
@QuarkusTest
class OwnPasswordChangeTest {

    private static final String ME = "/v1.0/service_agents/me/password";

    @Inject
    TestAgents seeds;

    @Inject
    LoginBudgets budgets;

    @Test
    void theSelfServiceRouteNeedsTheCurrentPassword() {
        TestAgents.Seeded agent = seeds.seed(UUID.randomUUID(), Permission.NONE);

        envelope(
                        as(agent)
                                .body(Map.of("password", "taken-over-password"))
                                .put(ME)
                                .then(),
                        400,
                        "INVALID_ARGUMENT")
                .body("error.message", containsString("current_password"));
        envelope(
                as(agent)
                        .body(Map.of("password", "taken-over-password", "current_password", "a-wrong-guess"))
                        .put(ME)
                        .then(),
                403,
                "CURRENT_PASSWORD_WRONG");
        as(agent).get("/v1.0/me").then().statusCode(200);
        TestAgents.login(agent.username(), TestAgents.PASSWORD);

        as(agent)
                .body(Map.of("password", "my-new-password", "current_password", TestAgents.PASSWORD))
                .put(ME)
                .then()
                .statusCode(200);
        TestAgents.login(agent.username(), "my-new-password");
    }

    @Test
    void changingOnesOwnPasswordByIdNeedsItToo() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        String own = "/v1.0/agents/" + admin.id() + "/password";

        envelope(
                as(admin)
                        .body(Map.of("password", "taken-over-password"))
                        .put(own)
                        .then(),
                400,
                "INVALID_ARGUMENT");
        envelope(
                as(admin)
                        .body(Map.of("password", "taken-over-password", "current_password", "a-wrong-guess"))
                        .put(own)
                        .then(),
                403,
                "CURRENT_PASSWORD_WRONG");
        as(admin)
                .body(Map.of("password", "my-new-password", "current_password", TestAgents.PASSWORD))
                .put(own)
                .then()
                .statusCode(200);
        TestAgents.login(admin.username(), "my-new-password");
    }

    @Test
    void anAdminSettingAnotherAgentsPasswordNeedsNoneOfTheirs() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        TestAgents.Seeded agent = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT);
        as(admin)
                .body(Map.of("password", "set-by-the-admin"))
                .put("/v1.0/agents/" + agent.id() + "/password")
                .then()
                .statusCode(200);
        TestAgents.login(agent.username(), "set-by-the-admin");
    }

    @Test
    void wrongCurrentPasswordsSpendTheLoginBudgetSoTheRouteIsNoPasswordOracle() {
        TestAgents.Seeded agent = seeds.seed(UUID.randomUUID(), Permission.NONE);
        for (int i = 0; i < budgets.pairFailures(); i++) {
            as(agent)
                    .body(Map.of("password", "taken-over-password", "current_password", "guess-" + i))
                    .put(ME)
                    .then()
                    .statusCode(403);
        }
        envelope(
                        as(agent)
                                .body(Map.of(
                                        "password", "taken-over-password", "current_password", TestAgents.PASSWORD))
                                .put(ME)
                                .then(),
                        429,
                        "TOO_MANY_ATTEMPTS")
                .header("Retry-After", notNullValue());
        io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("username", agent.username(), "password", TestAgents.PASSWORD))
                .post("/auth/login")
                .then()
                .statusCode(429);
    }

    private static ValidatableResponse envelope(ValidatableResponse response, int status, String reason) {
        return response.statusCode(status)
                .body("error.reason", equalTo(reason))
                .body("error.request_id", notNullValue());
    }
}
