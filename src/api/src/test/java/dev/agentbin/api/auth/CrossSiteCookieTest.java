package dev.agentbin.api.auth;

import static org.hamcrest.Matchers.equalTo;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.Api;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A state change carried by a cookie must come from the service's own pages: a sibling subdomain (same
 * site) or another site can make a browser send the cookie with a bodiless POST in no-cors mode. Refused
 * by Sec-Fetch-Site, or by Origin where a browser sends no Sec-Fetch-Site; a header token or an access key
 * is no ambient credential, so those callers are never refused.
 */
@QuarkusTest
class CrossSiteCookieTest {

    @Inject
    TestAgents seeds;

    TestAgents.Seeded admin;
    String status;

    @BeforeEach
    void seed() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        status = "/v1.0/agents/"
                + seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT).id() + "/status";
    }

    private RequestSpecification cookie() {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .cookie("token", admin.token())
                .body(Map.of("status", "away"));
    }

    private static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void aCookieStateChangeFromAnotherSiteOrASiblingIsRefused() {
        for (String site : new String[] {"same-site", "cross-site"}) {
            cookie().header("Sec-Fetch-Site", site)
                    .put(status)
                    .then()
                    .statusCode(403)
                    .body("error.status", equalTo("PERMISSION_DENIED"))
                    .body("error.reason", equalTo("CROSS_SITE_REQUEST"))
                    .body("error.request_id", org.hamcrest.Matchers.notNullValue());
            RestAssured.given()
                    .cookie("token", admin.token())
                    .header("Sec-Fetch-Site", site)
                    .post("/auth/logout")
                    .then()
                    .statusCode(403)
                    .body("error.reason", equalTo("CROSS_SITE_REQUEST"));
        }
        cookie().header("Origin", "https://evil.example.com")
                .put(status)
                .then()
                .statusCode(403)
                .body("error.reason", equalTo("CROSS_SITE_REQUEST"));
        cookie().header("Origin", "null").put(status).then().statusCode(403);
        String key = Api.createKey(admin, null);
        RestAssured.given()
                .contentType(ContentType.JSON)
                .cookie("accesskey", key)
                .body(Map.of("status", "away"))
                .header("Sec-Fetch-Site", "same-site")
                .put(status)
                .then()
                .statusCode(403)
                .body("error.reason", equalTo("CROSS_SITE_REQUEST"));
        Api.as(admin).get(status.replace("/status", "")).then().statusCode(200).body("status", equalTo("offline"));
    }

    @Test
    void aCookieStateChangeFromTheServicesOwnPagesOrNoPageIsServed() {
        cookie().header("Sec-Fetch-Site", "same-origin").put(status).then().statusCode(200);
        cookie().header("Sec-Fetch-Site", "none").put(status).then().statusCode(200);
        cookie().header("Origin", ownOrigin()).put(status).then().statusCode(200);
        // A browser's Sec-Fetch-Site decides over its Origin; a client sending neither is no browser.
        cookie().header("Sec-Fetch-Site", "same-origin")
                .header("Origin", ownOrigin())
                .put(status)
                .then()
                .statusCode(200);
        cookie().put(status).then().statusCode(200);
        RestAssured.given()
                .cookie("token", admin.token())
                .header("Sec-Fetch-Site", "same-origin")
                .post("/auth/logout")
                .then()
                .statusCode(204);
        // Reading is no state change.
        RestAssured.given()
                .cookie("token", admin.token())
                .header("Sec-Fetch-Site", "cross-site")
                .get(status.replace("/status", ""))
                .then()
                .statusCode(200);
    }

    @Test
    void aHeaderTokenOrAnAccessKeyIsNeverRefusedForItsSite() {
        Api.as(admin)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Origin", "https://evil.example.com")
                .body(Map.of("status", "away"))
                .put(status)
                .then()
                .statusCode(200);
        String key = Api.createKey(admin, null);
        Api.withKey(key)
                .header("Sec-Fetch-Site", "cross-site")
                .body(Map.of("status", "away"))
                .put(status)
                .then()
                .statusCode(200);
        RestAssured.given()
                .contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + key)
                .header("Sec-Fetch-Site", "same-site")
                .body(Map.of("status", "away"))
                .put(status)
                .then()
                .statusCode(200);
        RestAssured.given()
                .header("Sec-Fetch-Site", "cross-site")
                .post("/auth/logout")
                .then()
                .statusCode(204);
    }
}
