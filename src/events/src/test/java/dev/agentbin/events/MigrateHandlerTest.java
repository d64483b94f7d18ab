package dev.agentbin.events;

import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(HandlerProfiles.Migrate.class)
class MigrateHandlerTest {

    @Test
    void migratingAnUpToDateSchemaIsANoOpThatReportsTheVersion() {
        // The test app migrated at start (migrate-at-start in tests), so the deploy-time run has nothing to do.
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/")
                .then()
                .statusCode(200)
                .body(matchesPattern("\"migrated 0 migration\\(s\\); schema version \\d+\""));
    }
}
