package dev.agentbin.api.auth;

import static dev.agentbin.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.auth.LoginBudgets;
import dev.agentbin.auth.LoginService;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Password length in bytes, failure budgets (429 with Retry-After), and tokens revoked by a password change. */
@QuarkusTest
class LoginDefenceTest {

    @Inject
    TestAgents seeds;

    @Inject
    LoginService logins;

    @Inject
    LoginBudgets budgets;

    private static Response login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/auth/login");
    }

    @Test
    void aPasswordOver72BytesIsRefusedEvenWithin72Characters() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        String username = UUID.randomUUID() + "@example.com";
        as(admin)
                .body(Map.of("username", username, "password", "é".repeat(40)))
                .post("/v1.0/agents")
                .then()
                .statusCode(400)
                .body("error.message", containsString("at most 72 bytes"));
        String id = as(admin)
                .body(Map.of("username", username, "password", "é".repeat(36)))
                .post("/v1.0/agents")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        as(admin)
                .body(Map.of("password", "é".repeat(37)))
                .put("/v1.0/agents/" + id + "/password")
                .then()
                .statusCode(400);
        TestAgents.login(username, "é".repeat(36));
        // Past 72 bytes nothing matches, even a password that starts with the right one.
        login(username, "é".repeat(36) + "anything")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_CREDENTIALS"));
    }

    @Test
    void wrongPasswordsFromOneAddressSpendTheBudgetThen429WithRetryAfter() {
        TestAgents.Seeded agent = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_AGENT);
        for (int i = 0; i < budgets.pairFailures(); i++) {
            login(agent.username(), "wrong-password").then().statusCode(401);
        }
        String retryAfter = login(agent.username(), "wrong-password")
                .then()
                .statusCode(429)
                .body("error.status", equalTo("RESOURCE_EXHAUSTED"))
                .body("error.reason", equalTo("TOO_MANY_ATTEMPTS"))
                .body("error.request_id", notNullValue())
                .extract()
                .header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        Assertions.assertTrue(seconds >= 1 && seconds <= budgets.pairWindow().toSeconds(), retryAfter);
        // Even the right password waits: the budget is spent before the password is looked at.
        login(agent.username(), TestAgents.PASSWORD).then().statusCode(429);
    }

    @Test
    void anUnknownUsernameSpendsItsBudgetExactlyLikeAKnownOne() {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < budgets.pairFailures(); i++) {
            login(unknown, "wrong-password")
                    .then()
                    .statusCode(401)
                    .body("error.reason", equalTo("INVALID_CREDENTIALS"));
        }
        login(unknown, "wrong-password")
                .then()
                .statusCode(429)
                .body("error.reason", equalTo("TOO_MANY_ATTEMPTS"))
                .header("Retry-After", notNullValue());
    }

    @Test
    void aCorrectPasswordFromAnotherAddressStillWorksAfterOneAddressSpentItsBudget() {
        TestAgents.Seeded agent = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_AGENT);
        String attacker = "attacker-" + UUID.randomUUID();
        for (int i = 0; i < budgets.pairFailures(); i++) {
            assertStatus(ErrorStatus.UNAUTHENTICATED, () -> logins.login(agent.username(), "wrong-password", attacker));
        }
        assertStatus(
                ErrorStatus.RESOURCE_EXHAUSTED, () -> logins.login(agent.username(), TestAgents.PASSWORD, attacker));
        Assertions.assertEquals(
                agent.id(),
                logins.login(agent.username(), TestAgents.PASSWORD, "owner-" + UUID.randomUUID())
                        .agentId());
    }

    @Test
    void guessesSpreadOverManyAddressesMeetTheShortUsernameBudget() {
        TestAgents.Seeded agent = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_AGENT);
        for (int i = 0; i < budgets.usernameFailures(); i++) {
            assertStatus(
                    ErrorStatus.UNAUTHENTICATED,
                    () -> logins.login(agent.username(), "wrong-password", "bot-" + UUID.randomUUID()));
        }
        ApiException refused = assertStatus(
                ErrorStatus.RESOURCE_EXHAUSTED,
                () -> logins.login(agent.username(), TestAgents.PASSWORD, "owner-" + UUID.randomUUID()));
        Assertions.assertTrue(
                refused.retryAfter().orElseThrow().compareTo(budgets.usernameWindow()) <= 0,
                "the owner waits at most the short username window");
    }

    @Test
    void oneAddressTryingManyUsernamesMeetsTheSourceBudget() {
        String source = "stuffer-" + UUID.randomUUID();
        for (int i = 0; i < budgets.sourceFailures(); i++) {
            assertStatus(
                    ErrorStatus.UNAUTHENTICATED,
                    () -> logins.login("user-" + UUID.randomUUID() + "@example.com", "wrong-password", source));
        }
        assertStatus(
                ErrorStatus.RESOURCE_EXHAUSTED,
                () -> logins.login("user-" + UUID.randomUUID() + "@example.com", "wrong-password", source));
    }

    @Test
    void caseAndUnicodeVariantsOfOneUsernameShareItsBudgets() {
        // PostgreSQL's lower() folds the dotted capital İ to i, so each variant finds the same account;
        // Java's toLowerCase(Locale.ROOT) makes it i + U+0307, a different string for every variant.
        String username = "iiiiii-" + UUID.randomUUID() + "@example.com";
        TestAgents.Seeded agent = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_AGENT, username);
        Assertions.assertEquals(
                agent.id(),
                logins.login(dotted(username, 6), TestAgents.PASSWORD, "owner-" + UUID.randomUUID())
                        .agentId());

        String source = "variant-" + UUID.randomUUID();
        for (int i = 0; i < budgets.pairFailures(); i++) {
            String variant = dotted(i % 2 == 0 ? username : username.toUpperCase(Locale.ROOT), i);
            assertStatus(ErrorStatus.UNAUTHENTICATED, () -> logins.login(variant, "wrong-password", source));
        }
        assertStatus(
                ErrorStatus.RESOURCE_EXHAUSTED, () -> logins.login(dotted(username, 6), TestAgents.PASSWORD, source));
        login(dotted(username.toUpperCase(Locale.ROOT), 5), "wrong-password")
                .then()
                .statusCode(401);
        for (int i = 1; i < budgets.pairFailures(); i++) {
            login(dotted(username, i), "wrong-password").then().statusCode(401);
        }
        login(dotted(username, 6), "wrong-password")
                .then()
                .statusCode(429)
                .body("error.reason", equalTo("TOO_MANY_ATTEMPTS"));
    }

    /** The username with its first {@code count} i (or I) written as İ. */
    static String dotted(String username, int count) {
        String result = username;
        for (int i = 0; i < count; i++) {
            result = result.replaceFirst("[iI]", "İ");
        }
        return result;
    }

    @Test
    void aSuccessfulLoginStartsThePairAfresh() {
        TestAgents.Seeded agent = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_AGENT);
        String source = "typist-" + UUID.randomUUID();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < budgets.pairFailures() - 1; i++) {
                assertStatus(
                        ErrorStatus.UNAUTHENTICATED, () -> logins.login(agent.username(), "wrong-password", source));
            }
            logins.login(agent.username(), TestAgents.PASSWORD, source);
        }
    }

    @Test
    void tokensIssuedBeforeAPasswordChangeAreRefused() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        TestAgents.Seeded agent = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT);
        String second = TestAgents.login(agent.username(), TestAgents.PASSWORD);
        as(agent).get("/v1.0/me").then().statusCode(200);

        as(agent)
                .body(Map.of("password", "my-new-password", "current_password", TestAgents.PASSWORD))
                .put("/v1.0/service_agents/me/password")
                .then()
                .statusCode(200);
        as(agent).get("/v1.0/me").then().statusCode(401).body("error.reason", equalTo("INVALID_CREDENTIALS"));
        as(second).get("/v1.0/me").then().statusCode(401);
        String fresh = TestAgents.login(agent.username(), "my-new-password");
        as(fresh).get("/v1.0/me").then().statusCode(200);

        as(admin)
                .body(Map.of("password", "reset-by-admin"))
                .put("/v1.0/agents/" + agent.id() + "/password")
                .then()
                .statusCode(200);
        as(fresh).get("/v1.0/me").then().statusCode(401);
        as(TestAgents.login(agent.username(), "reset-by-admin"))
                .get("/v1.0/me")
                .then()
                .statusCode(200);
        as(admin).get("/v1.0/me").then().statusCode(200);
    }

    private static ApiException assertStatus(ErrorStatus status, Runnable login) {
        ApiException e = Assertions.assertThrows(ApiException.class, login::run);
        Assertions.assertEquals(status, e.status(), e.reason());
        return e;
    }
}
