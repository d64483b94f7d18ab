package dev.agentbin.api.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.agentbin.access.Caller;
import dev.agentbin.api.auth.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No database at all (a closed port): every route that needs it answers 503 UNAVAILABLE in the envelope. */
@QuarkusTest
@TestProfile(DatabaseUnreachableTest.NoDatabase.class)
class DatabaseUnreachableTest {

    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:9/agentbin",
                    "quarkus.flyway.migrate-at-start",
                    "false",
                    "quarkus.datasource.jdbc.acquisition-timeout",
                    "5S",
                    "quarkus.hibernate-orm.database.version-check.enabled",
                    "false");
        }
    }

    @Inject
    Tokens tokens;

    @Test
    void loginAndAuthenticatedRoutesAnswer503() {
        given().contentType("application/json")
                .body(Map.of("username", "a@example.com", "password", "a-long-password"))
                .post("/auth/login")
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("error.status", equalTo("UNAVAILABLE"))
                .body("error.request_id", notNullValue());
        String token = tokens.issue(new Caller(UUID.randomUUID(), UUID.randomUUID(), 32, 0));
        given().header("Authorization", "Bearer " + token)
                .get("/v1.0/me")
                .then()
                .statusCode(503)
                .body("error.reason", equalTo("UNAVAILABLE"));
    }
}
