package dev.agentbin.api.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as a logged-in agent or with an access key, through the Lambda mock event server. */
public final class Api {

    private Api() {}

    public static RequestSpecification as(TestAgents.Seeded agent) {
        return as(agent.token());
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** Requests with an access key in the query (?accesskey=), as a server-to-server caller sends it. */
    public static RequestSpecification withKey(String accessKey) {
        return RestAssured.given().contentType(ContentType.JSON).queryParam("accesskey", accessKey);
    }

    /** A new access key of the admin's customer (its secret), with this permission or, when null, the default. */
    public static String createKey(TestAgents.Seeded admin, Long permission) {
        java.util.Map<String, Object> body =
                new java.util.HashMap<>(java.util.Map.of("name", "test key", "expire", 86_400));
        if (permission != null) {
            body.put("permission", permission);
        }
        return as(admin)
                .body(body)
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }
}
