package dev.agentbin.api.telephony;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallLeg;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.AgentCallStatus;
import dev.agentbin.agentcall.LegStatus;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.api.support.Api;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.common.Sha256;
import dev.agentbin.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Ring-all over Twilio, against a local server that follows Twilio's REST contract: legs are created
 * with our answer and status URLs, the first leg to fetch its TwiML joins the conference, a late one
 * gets {@code <Hangup/>}, the others are cancelled, and signed status callbacks end the call.
 */
@QuarkusTest
@TestProfile(TwilioRingAllTest.TwilioProvider.class)
class TwilioRingAllTest {

    static final FakeTwilio TWILIO = new FakeTwilio();

    public static class TwilioProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "agentbin.telephony.provider",
                    "twilio",
                    "agentbin.telephony.twilio.api-base-url",
                    TWILIO.baseUrl());
        }
    }

    @Inject
    TestAgents seeds;

    @Inject
    AgentCallService agentCalls;

    @Test
    void theFirstLegToFetchItsTwimlJoinsTheConferenceAndTheRestAreHungUp() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(
                admin.customerId(), List.of(tel("+15550200001"), tel("+15550200002"), tel("+15550200003")), 0, 3);

        JsonPath call = Api.as(admin)
                .body(Map.of(
                        "agent_id",
                        agent,
                        "source",
                        "+15550009999",
                        "ring_timeout",
                        25,
                        "join_target",
                        "support-queue"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        List<String> legs = call.getList("legs.id");
        List<String> sids = call.getList("legs.provider_call_id");
        Assertions.assertEquals(
                3,
                sids.stream().filter(sid -> sid != null && sid.startsWith("CA")).count());

        List<FakeTwilio.Request> creates = createsFor(legs);
        Assertions.assertEquals(3, creates.size());
        for (FakeTwilio.Request create : creates) {
            Assertions.assertTrue(create.path().startsWith("/2010-04-01/Accounts/ACtest00000000000000000000000000/"));
            Assertions.assertEquals(List.of("+15550009999"), create.form().get("From"));
            int timeout = Integer.parseInt(create.form().get("Timeout").get(0));
            Assertions.assertTrue(timeout > 20 && timeout <= 25, "rings for what is left of ring_timeout: " + timeout);
            Assertions.assertEquals(
                    List.of("initiated", "ringing", "answered", "completed"),
                    create.form().get("StatusCallbackEvent"));
            String leg = create.form().get("Url").get(0).replaceAll(".*leg=", "");
            Assertions.assertTrue(legs.contains(leg));
            Assertions.assertEquals(
                    FakeTwilio.BASE + "/v1.0/telephony/twilio/events?leg=" + leg,
                    create.form().get("StatusCallback").get(0));
        }

        TWILIO.statusCallback(legs.get(0), sids.get(0), "ringing").then().statusCode(204);
        TWILIO.answer(legs.get(1), sids.get(1))
                .then()
                .statusCode(200)
                .contentType(containsString("xml"))
                .body(containsString("<Conference>" + call.getString("provider_join_target") + "</Conference>"));
        TWILIO.answer(legs.get(2), sids.get(2)).then().statusCode(200).body(containsString("<Hangup/>"));

        JsonPath answered = Api.as(admin)
                .get("/v1.0/agentcalls/" + call.getString("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals("answered", answered.getString("status"));
        Assertions.assertEquals(legs.get(1), answered.getString("answered_leg_id"));
        Assertions.assertEquals(List.of("canceled", "answered", "canceled"), answered.getList("legs.status"));
        Assertions.assertEquals("canceled", TWILIO.updates().get(sids.get(0)));
        Assertions.assertEquals("canceled", TWILIO.updates().get(sids.get(2)));
        Assertions.assertNull(TWILIO.updates().get(sids.get(1)), "the winner is left up");
        Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status);

        TWILIO.statusCallback(legs.get(1), sids.get(1), "completed").then().statusCode(204);
        Assertions.assertEquals(
                "completed",
                Api.as(admin)
                        .get("/v1.0/agentcalls/" + call.getString("id"))
                        .then()
                        .extract()
                        .path("status"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
    }

    /**
     * Every customer shares the deployment's Twilio account, where a conference is known by its name: two
     * customers who both name their queue "support-queue" must still get a conference each, and each
     * customer's call flow must be able to put its caller in its own (the name is on the agentcall, and the
     * same for every ring of the customer's target).
     */
    @Test
    void twoCustomersWithTheSameJoinTargetAreJoinedToTwoConferences() {
        TestAgents.Seeded first = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        TestAgents.Seeded second = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);

        JsonPath firstCall = ringAndAnswer(first, "+15550200051", "support-queue");
        JsonPath secondCall = ringAndAnswer(second, "+15550200052", "support-queue");
        String firstConference = TWILIO.conferenceOf(firstCall.getString("legs[0].provider_call_id"));
        String secondConference = TWILIO.conferenceOf(secondCall.getString("legs[0].provider_call_id"));

        Assertions.assertNotNull(firstConference);
        Assertions.assertNotEquals(
                firstConference, secondConference, "two customers' agents were put in one conference");
        Assertions.assertEquals(firstConference, firstCall.getString("provider_join_target"));
        Assertions.assertEquals(secondConference, secondCall.getString("provider_join_target"));
        Assertions.assertEquals(
                "support-queue", firstCall.getString("join_target"), "the customer's own name is kept as given");
        Assertions.assertEquals(
                firstConference, Sha256.hex(first.customerId() + ":support-queue"), "as docs/ring-all.md says");
        Assertions.assertEquals(
                firstConference,
                ringAndAnswer(first, "+15550200053", "support-queue").getString("provider_join_target"),
                "the same on every ring of the customer's target");
    }

    /** A ring of a new agent of the customer with one number, answered; the agentcall as its admin then reads it. */
    private JsonPath ringAndAnswer(TestAgents.Seeded admin, String number, String joinTarget) {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel(number)), 0, 3);
        JsonPath call = Api.as(admin)
                .body(Map.of(
                        "agent_id", agent, "source", "+15550009999", "ring_timeout", 25, "join_target", joinTarget))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        TWILIO.answer(call.getString("legs[0].id"), call.getString("legs[0].provider_call_id"))
                .then()
                .statusCode(200);
        return Api.as(admin)
                .get("/v1.0/agentcalls/" + call.getString("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * The race of telephony-notes §3: a loser picked up just before our cancel reached Twilio. Canceling
     * leaves an answered call up, so it is completed; the winner is left alone.
     */
    @Test
    void aLoserThatPickedUpBeforeItsCancelArrivedIsCompletedNotLeftUp() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel("+15550200041"), tel("+15550200042")), 0, 3);
        JsonPath call = Api.as(admin)
                .body(Map.of("agent_id", agent, "source", "+15550009999", "ring_timeout", 25))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        List<String> legs = call.getList("legs.id");
        List<String> sids = call.getList("legs.provider_call_id");

        TWILIO.reports(sids.get(1), "in-progress");
        TWILIO.answer(legs.get(0), sids.get(0)).then().statusCode(200).body(containsString("<Conference>"));

        Assertions.assertEquals(List.of("canceled", "completed"), TWILIO.updatesOf(sids.get(1)));
        Assertions.assertEquals("completed", TWILIO.status(sids.get(1)), "the loser's phone is hung up");
        Assertions.assertEquals(List.of(), TWILIO.updatesOf(sids.get(0)));
        Assertions.assertEquals("in-progress", TWILIO.status(sids.get(0)), "the winner is left up");
    }

    /**
     * A dispatcher stuck (or dead) between Twilio placing a call and storing its sid, and the same ring
     * request delivered again meanwhile: the leg is not dialled a second time. Twilio's callbacks,
     * which carry our leg id, then adopt the call, and it can still win.
     */
    @Test
    void aLegLeftOriginatingIsNeverDialledAgain() throws Exception {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel("+15550200011")), 0, 3);
        RingRequest request =
                new RingRequest(agent, admin.customerId(), "+15550009999", null, 25, "support-queue", null);
        String key = "sqs:" + UUID.randomUUID();
        int before = TWILIO.creates().size();

        TWILIO.holdCreates();
        CompletableFuture<AgentCall> first;
        String leg;
        String sid;
        try {
            first = CompletableFuture.supplyAsync(() -> agentCalls.dispatch(request, key));
            Await.until(
                    "Twilio to receive the first POST /Calls",
                    () -> TWILIO.creates().size(),
                    n -> n == before + 1);
            AgentCall redelivered = agentCalls.dispatch(request, key);
            Assertions.assertEquals(
                    List.of(LegStatus.ORIGINATING),
                    redelivered.legs().stream().map(AgentCallLeg::status).toList());
            Assertions.assertEquals(before + 1, TWILIO.creates().size(), "the redelivery did not dial the leg again");

            leg = redelivered.legs().get(0).id().toString();
            sid = TWILIO.lastSid();
            TWILIO.statusCallback(leg, sid, "ringing").then().statusCode(204);
            TWILIO.answer(leg, sid)
                    .then()
                    .statusCode(200)
                    .body(containsString("<Conference>" + redelivered.providerJoinTarget() + "</Conference>"));
        } finally {
            TWILIO.releaseCreates();
        }
        AgentCall call = first.get(10, TimeUnit.SECONDS);
        Assertions.assertEquals(AgentCallStatus.ANSWERED, call.status());
        Assertions.assertEquals(sid, call.legs().get(0).providerCallId());
        Assertions.assertEquals(before + 1, TWILIO.creates().size());
        Assertions.assertNull(TWILIO.updates().get(sid), "the adopted winner stays up");
    }

    /** A retried create that had gone through makes a second call for one leg: it is hung up, never joined. */
    @Test
    void aSecondTwilioCallForOneLegIsHungUpAndNeverJoins() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel("+15550200031")), 0, 3);
        JsonPath call = Api.as(admin)
                .body(Map.of("agent_id", agent, "source", "+15550009999", "ring_timeout", 25))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        String leg = call.getString("legs[0].id");
        String duplicate = "CA" + "d".repeat(32);

        TWILIO.statusCallback(leg, duplicate, "ringing").then().statusCode(204);
        Assertions.assertEquals("canceled", TWILIO.updates().get(duplicate));
        TWILIO.answer(leg, duplicate).then().statusCode(200).body(containsString("<Hangup/>"));
        Assertions.assertEquals(
                "ringing",
                Api.as(admin)
                        .get("/v1.0/agentcalls/" + call.getString("id"))
                        .then()
                        .extract()
                        .path("status"));

        TWILIO.answer(leg, call.getString("legs[0].provider_call_id"))
                .then()
                .statusCode(200)
                .body(containsString("<Conference>"));
    }

    /** A phone that picks up after its agentcall ended (here the caller gave up first) is hung up and changes nothing. */
    @Test
    void aLegThatPicksUpAfterItsAgentcallEndedGetsHangupTwiml() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel("+15550200041")), 0, 3);
        JsonPath call = Api.as(admin)
                .body(Map.of(
                        "agent_id",
                        agent,
                        "source",
                        "+15550009999",
                        "ring_timeout",
                        25,
                        "join_target",
                        "support-queue"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        String id = call.getString("id");
        Api.as(admin)
                .post("/v1.0/agentcalls/" + id + "/hangup")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("canceled"));

        TWILIO.answer(call.getString("legs[0].id"), call.getString("legs[0].provider_call_id"))
                .then()
                .statusCode(200)
                .body(containsString("<Hangup/>"))
                .body(org.hamcrest.Matchers.not(containsString("<Conference>")));
        JsonPath after = Api.as(admin)
                .get("/v1.0/agentcalls/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals("canceled", after.getString("status"));
        Assertions.assertEquals("canceled", after.getString("legs[0].status"));
        Assertions.assertNull(after.get("answered_leg_id"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
    }

    /** A leg cancelled while Twilio was still placing it is hung up as soon as its sid is known. */
    @Test
    void aLegCancelledWhileBeingPlacedIsHungUpOnceItsSidArrives() throws Exception {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel("+15550200021")), 0, 3);
        int before = TWILIO.creates().size();
        TWILIO.holdCreates();
        CompletableFuture<AgentCall> ring;
        try {
            ring = CompletableFuture.supplyAsync(() -> agentCalls.dispatch(
                    new RingRequest(agent, admin.customerId(), "+15550009999", null, 25, null, null),
                    UUID.randomUUID().toString()));
            Await.until("Twilio to receive POST /Calls", () -> TWILIO.creates().size(), n -> n == before + 1);
            UUID callId = seeds.reload(agent).statusCallId;
            Api.as(admin)
                    .post("/v1.0/agentcalls/" + callId + "/hangup")
                    .then()
                    .statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("canceled"));
        } finally {
            TWILIO.releaseCreates();
        }
        AgentCall call = ring.get(10, TimeUnit.SECONDS);
        String sid = call.legs().get(0).providerCallId();
        Assertions.assertNotNull(sid);
        Assertions.assertEquals("canceled", TWILIO.updates().get(sid), "Twilio was told to stop ringing it");
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
    }

    @Test
    void theSignatureIsCheckedBeforeTheLegParameterIsRead() {
        Map<String, String> form = Map.of("CallSid", "CA" + "0".repeat(32), "CallStatus", "ringing");
        for (String path : List.of("/v1.0/telephony/twilio/events", "/v1.0/telephony/twilio/answer")) {
            given().contentType("application/x-www-form-urlencoded")
                    .formParams(form)
                    .queryParam("leg", "not-a-uuid")
                    .header("X-Twilio-Signature", "forged")
                    .post(path)
                    .then()
                    .statusCode(401)
                    .body("error.reason", org.hamcrest.Matchers.equalTo("INVALID_SIGNATURE"));
            given().contentType("application/x-www-form-urlencoded")
                    .formParams(form)
                    .queryParam("leg", "not-a-uuid")
                    .post(path)
                    .then()
                    .statusCode(401);
        }
        FakeTwilio.signed("/v1.0/telephony/twilio/events", "not-a-uuid", form)
                .post()
                .then()
                .statusCode(400);
    }

    private static List<FakeTwilio.Request> createsFor(List<String> legs) {
        return TWILIO.creates().stream()
                .filter(r -> legs.contains(r.form().get("Url").get(0).replaceAll(".*leg=", "")))
                .toList();
    }

    private static Address tel(String number) {
        return new Address(AddressType.TEL, number, null, null, null, null);
    }
}
