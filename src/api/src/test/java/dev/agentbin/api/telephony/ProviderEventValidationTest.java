package dev.agentbin.api.telephony;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.api.support.Api;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.telephony.simulator.SimulatorSignature;
import dev.agentbin.telephony.twilio.TwilioSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signed provider events are validated like client input: 400 at the webhook, the live leg untouched. */
@QuarkusTest
class ProviderEventValidationTest {

    @Inject
    TestAgents seeds;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "null",
                "[]",
                "{\"leg_id\":\"LEG\",\"call_id\":\"SIM1\",\"kind\":\"ANSWERED\",\"occurred_at\":\"+300000-01-01T00:00:00Z\"}",
                "{\"leg_id\":\"LEG\",\"call_id\":\"SIM1\",\"kind\":\"ENDED\",\"detail\":\"busy\\u0000\"}",
                "{\"leg_id\":\"LEG\",\"call_id\":\"SIM1\",\"kind\":\"ENDED\",\"detail\":\"DETAIL300\"}",
                "{\"leg_id\":\"LEG\",\"call_id\":\"SIM1\\u0000\",\"kind\":\"ANSWERED\"}",
                "{\"leg_id\":\"LEG\",\"call_id\":\"SIM1\",\"kind\":2}",
                "{\"leg_id\":\"LEG\",\"call_id\":\"SIM1\",\"kind\":\"ANSWERED\",\"kind\":\"ENDED\"}",
                "{\"leg_id\":\"LEG\",\"call_id\":\"SIM1\",\"kind\":\"ANSWERED\"} {}"
            })
    void aBadSimulatorEventOnALiveLegIs400AndChangesNothing(String template) {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(
                admin.customerId(),
                List.of(new Address(
                        AddressType.SIP,
                        "x-" + UUID.randomUUID() + "@pbx.example.com",
                        null,
                        null,
                        "sim:no-answer",
                        null)),
                0,
                3);
        JsonPath call = Api.as(admin)
                .body(Map.of("agent_id", agent, "source", "+15550001000", "ring_timeout", 60))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        String body = template.replace("LEG", call.getString("legs[0].id")).replace("DETAIL300", "d".repeat(300));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json")
                .header(SimulatorSignature.HEADER, SimulatorSignature.sign("simulator-local-secret", bytes))
                .body(bytes)
                .post("/v1.0/telephony/simulator/events")
                .then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
        JsonPath after = Api.as(admin)
                .get("/v1.0/agentcalls/" + call.getString("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals("ringing", after.getString("status"));
        Assertions.assertNotEquals("answered", after.getString("legs[0].status"));
        Api.as(admin)
                .post("/v1.0/agentcalls/" + call.getString("id") + "/hangup")
                .then()
                .statusCode(200);
    }

    @Test
    void aSignedTwilioCallbackWithAnUnstorableCallSidIs400() {
        UUID leg = UUID.randomUUID();
        for (String sid : List.of("CA" + "f".repeat(300), "CA12\u000034")) {
            Map<String, String> form = Map.of("CallSid", sid, "CallStatus", "ringing");
            String url = "https://agentbin.example.com/v1.0/telephony/twilio/events?leg=" + leg;
            Map<String, List<String>> params = new java.util.HashMap<>();
            form.forEach((name, value) -> params.put(name, List.of(value)));
            given().contentType("application/x-www-form-urlencoded")
                    .formParams(form)
                    .header("X-Twilio-Signature", TwilioSignature.compute("test-auth-token", url, params))
                    .queryParam("leg", leg)
                    .post("/v1.0/telephony/twilio/events")
                    .then()
                    .statusCode(400)
                    .body("error.status", equalTo("INVALID_ARGUMENT"));
        }
    }
}
