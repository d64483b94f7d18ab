package dev.agentbin.api.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The console's files come through the function like any route: without a token, typed, and only the listed ones. */
@QuarkusTest
class ConsoleResourceTest {

    @Test
    void thePageAndItsScriptsAreServedWithoutATokenUnderAStrictContentSecurityPolicy() {
        given().get("/console")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString("<script type=\"module\" src=\"/console/console.js\">"));
        for (String script : new String[] {
            "console.js",
            "api.js",
            "ui.js",
            "agent-view.js",
            "supervisor-view.js",
            "tags.js",
            "figures.js",
            "agent-stats.js"
        }) {
            given().get("/console/" + script).then().statusCode(200).contentType(startsWith("text/javascript"));
        }
        given().get("/console/console.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void anythingElseUnderConsoleIsNotFound() {
        for (String name : new String[] {"secret.properties", "..%2Fapplication.properties", "index.htm"}) {
            given().urlEncodingEnabled(false)
                    .get("/console/" + name)
                    .then()
                    .statusCode(404)
                    .body("error.reason", equalTo("ROUTE_NOT_FOUND"));
        }
    }
}
