package dev.agentbin.api.agentcall;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.agentbin.telephony.twilio.TwilioSignature;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Provider webhooks answer only to requests that carry the provider's signature. */
@QuarkusTest
class WebhookTest {

    static final String TWILIO_TOKEN = "test-auth-token";

    @Test
    void simulatorEventsWithoutAValidSignatureAre401() {
        String body = "{\"leg_id\":\"" + UUID.randomUUID() + "\",\"call_id\":\"SIM1\",\"kind\":\"ANSWERED\"}";
        given().contentType("application/json")
                .body(body)
                .post("/v1.0/telephony/simulator/events")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_SIGNATURE"));
        given().contentType("application/json")
                .header("X-Simulator-Signature", "AAAA")
                .body(body)
                .post("/v1.0/telephony/simulator/events")
                .then()
                .statusCode(401);
        String wrongSecret = dev.agentbin.telephony.simulator.SimulatorSignature.sign(
                "not-the-secret", body.getBytes(StandardCharsets.UTF_8));
        given().contentType("application/json")
                .header("X-Simulator-Signature", wrongSecret)
                .body(body)
                .post("/v1.0/telephony/simulator/events")
                .then()
                .statusCode(401);
        String signed = dev.agentbin.telephony.simulator.SimulatorSignature.sign(
                "simulator-local-secret", body.getBytes(StandardCharsets.UTF_8));
        given().contentType("application/json")
                .header("X-Simulator-Signature", signed)
                .body(body.replace("ANSWERED", "ENDED"))
                .post("/v1.0/telephony/simulator/events")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_SIGNATURE"));
    }

    @Test
    void aSignedEventForAnUnknownLegIsAcceptedAndIgnored() {
        String body = "{\"leg_id\":\"" + UUID.randomUUID() + "\",\"call_id\":\"SIM1\",\"kind\":\"ANSWERED\"}";
        String signature = dev.agentbin.telephony.simulator.SimulatorSignature.sign(
                "simulator-local-secret", body.getBytes(StandardCharsets.UTF_8));
        given().contentType("application/json")
                .header("X-Simulator-Signature", signature)
                .body(body)
                .post("/v1.0/telephony/simulator/events")
                .then()
                .statusCode(204);
    }

    @Test
    void twilioCallbacksAreCheckedAgainstTheUrlTwilioWasGiven() {
        UUID leg = UUID.randomUUID();
        Map<String, String> form =
                Map.of("CallSid", "CA123", "CallStatus", "ringing", "AccountSid", "ACtest00000000000000000000000000");
        String url = "https://agentbin.example.com/v1.0/telephony/twilio/events?leg=" + leg;
        String good = TwilioSignature.compute(TWILIO_TOKEN, url, asParams(form));

        given().contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .header("X-Twilio-Signature", good)
                .queryParam("leg", leg)
                .post("/v1.0/telephony/twilio/events")
                .then()
                .statusCode(204);
        given().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of(
                        "CallSid",
                        "CA123",
                        "CallStatus",
                        "completed",
                        "AccountSid",
                        "ACtest00000000000000000000000000"))
                .header("X-Twilio-Signature", good)
                .queryParam("leg", leg)
                .post("/v1.0/telephony/twilio/events")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_SIGNATURE"));
        given().contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .queryParam("leg", leg)
                .post("/v1.0/telephony/twilio/events")
                .then()
                .statusCode(401);
    }

    /** A leg that picks up after its agentcall ended gets Hangup TwiML: TwilioRingAllTest, which rings over Twilio. */
    @Test
    void twilioAnswerForAnUnknownLegIs404() {
        UUID leg = UUID.randomUUID();
        Map<String, String> form = Map.of("CallSid", "CA999", "CallStatus", "in-progress");
        String url = "https://agentbin.example.com/v1.0/telephony/twilio/answer?leg=" + leg;
        given().contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .header("X-Twilio-Signature", TwilioSignature.compute(TWILIO_TOKEN, url, asParams(form)))
                .queryParam("leg", leg)
                .post("/v1.0/telephony/twilio/answer")
                .then()
                .statusCode(404)
                .body("error.reason", equalTo("LEG_NOT_FOUND"));
    }

    @Test
    void unknownProvidersAndUnsignedBadLegIdsAreClientErrors() {
        given().contentType("application/json")
                .body("{}")
                .post("/v1.0/telephony/nobody/events")
                .then()
                .statusCode(404)
                .body("error.reason", equalTo("PROVIDER_NOT_FOUND"));
        // The signature is checked before the leg is read: an unsigned bad leg is 401, not 400.
        given().contentType("application/x-www-form-urlencoded")
                .formParam("CallSid", "CA1")
                .queryParam("leg", "nope")
                .post("/v1.0/telephony/twilio/events")
                .then()
                .statusCode(401);
        given().contentType("application/x-www-form-urlencoded")
                .formParam("CallSid", "CA1")
                .post("/v1.0/telephony/simulator/answer")
                .then()
                .statusCode(404);
    }

    private static Map<String, List<String>> asParams(Map<String, String> form) {
        Map<String, List<String>> params = new java.util.HashMap<>();
        form.forEach((k, v) -> params.put(k, List.of(v)));
        return params;
    }
}
