package dev.agentbin.api.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as a logged-in agent, through the Lambda mock event server. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(TestAgents.Seeded agent) {
        return as(agent.token());
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }
}
