package dev.agentbin.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A deployment that sends no mail (no agentbin.mail.provider, as a stack deployed without mailFrom) says so,
 * alike for every username, instead of answering as if a link were on its way.
 */
@QuarkusTest
@TestProfile(PasswordResetWithoutMailTest.NoMail.class)
class PasswordResetWithoutMailTest {

    public static class NoMail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.agentbin.mail.provider", "");
        }
    }

    @Test
    void forgotAnswers503ForAnyUsernameAndNoRetryAfter() {
        for (String username : new String[] {"admin@example.com", "nobody-" + UUID.randomUUID() + "@example.com"}) {
            given().contentType("application/json")
                    .body(Map.of("username", username))
                    .post("/auth/password-forgot")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", nullValue())
                    .body("error.status", equalTo("UNAVAILABLE"))
                    .body("error.reason", equalTo("PASSWORD_RESET_UNAVAILABLE"));
        }
    }
}
