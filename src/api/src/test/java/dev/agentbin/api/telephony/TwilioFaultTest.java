package dev.agentbin.api.telephony;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.api.support.Api;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.testing.Await;
import dev.agentbin.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The provider in trouble (5xx, answers that are not JSON, no answer within our time-out) on originate
 * and on hang-up: the agentcall still ends the way it should, and the agent is never left ringing.
 */
@QuarkusTest
@TestProfile(TwilioRingAllTest.TwilioProvider.class)
class TwilioFaultTest {

    static final FakeTwilio TWILIO = TwilioRingAllTest.TWILIO;

    @Inject
    TestAgents seeds;

    @AfterEach
    void healthyAgain() {
        TWILIO.failUpdates(FakeTwilio.Fault.NONE);
        TWILIO.rotateToken(false);
    }

    /** A wrong Twilio token must not go unnoticed: every leg is a failed-leg metric of class auth and an ERROR line. */
    @Test
    void withAWrongAuthTokenEveryLegFailsLoudly() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel("0001"), tel("0002")), 0, 3);
        TWILIO.rotateToken(true);
        try (LogCapture log = LogCapture.start()) {
            JsonPath call = ring(admin, agent);
            Assertions.assertEquals("failed", call.getString("status"));
            List<String> failed = Await.until(
                    "the failed-leg metrics",
                    () -> log.metricLines().stream()
                            .filter(line -> line.contains("\"LegsFailed\"") && line.contains(call.getString("id")))
                            .toList(),
                    lines -> lines.size() == 2);
            failed.forEach(line -> Assertions.assertTrue(
                    line.contains("\"Provider\":\"twilio\"") && line.contains("\"ErrorClass\":\"auth\""), line));
            for (String legId : call.<String>getList("legs.id")) {
                Assertions.assertTrue(
                        log.lines().stream()
                                .anyMatch(line -> line.level().intValue() >= Level.SEVERE.intValue()
                                        && line.message().contains(legId)
                                        && line.message().contains(call.getString("id"))),
                        "an ERROR line names leg " + legId);
            }
        }
    }

    @Test
    void whenEveryOriginationFailsTheCallFailsAndTheAgentIsAvailableAgain() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(
                admin.customerId(),
                List.of(tel(FakeTwilio.FAIL_5XX), tel(FakeTwilio.FAIL_MALFORMED), tel(FakeTwilio.FAIL_TIMEOUT)),
                0,
                3);
        JsonPath call = ring(admin, agent);
        Assertions.assertEquals("failed", call.getString("status"));
        Assertions.assertEquals(List.of("failed", "failed", "failed"), call.getList("legs.status"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
    }

    @Test
    void aFailedLegDoesNotStopTheOthersAndTheCallEndsUnansweredWhenTheyEnd() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel(FakeTwilio.FAIL_MALFORMED), tel("0001")), 0, 3);
        JsonPath call = ring(admin, agent);
        Assertions.assertEquals("ringing", call.getString("status"));
        Assertions.assertEquals("failed", call.getString("legs[0].status"));
        Assertions.assertEquals(AgentStatus.RINGING, seeds.reload(agent).status);

        TWILIO.statusCallback(call.getString("legs[1].id"), call.getString("legs[1].provider_call_id"), "no-answer")
                .then()
                .statusCode(204);
        Assertions.assertEquals("no_answer", get(admin, call.getString("id")).getString("status"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
    }

    @ParameterizedTest
    @EnumSource(
            value = FakeTwilio.Fault.class,
            names = {"SERVER_ERROR", "MALFORMED"})
    void aHangupTheProviderRefusesStillEndsTheRingForUs(FakeTwilio.Fault fault) {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel("0011"), tel("0012")), 0, 3);
        JsonPath call = ring(admin, agent);
        TWILIO.failUpdates(fault);

        Api.as(admin)
                .post("/v1.0/agentcalls/" + call.getString("id") + "/hangup")
                .then()
                .statusCode(200);
        JsonPath after = get(admin, call.getString("id"));
        Assertions.assertEquals("canceled", after.getString("status"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
    }

    @ParameterizedTest
    @EnumSource(
            value = FakeTwilio.Fault.class,
            names = {"SERVER_ERROR", "MALFORMED"})
    void losersThatCannotBeHungUpDoNotUndoTheAnswer(FakeTwilio.Fault fault) {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel("0021"), tel("0022")), 0, 3);
        JsonPath call = ring(admin, agent);
        TWILIO.failUpdates(fault);

        TWILIO.answer(call.getString("legs[0].id"), call.getString("legs[0].provider_call_id"))
                .then()
                .statusCode(200);
        JsonPath answered = get(admin, call.getString("id"));
        Assertions.assertEquals("answered", answered.getString("status"));
        Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status);
        TWILIO.statusCallback(call.getString("legs[0].id"), call.getString("legs[0].provider_call_id"), "completed")
                .then()
                .statusCode(204);
        Assertions.assertEquals("completed", get(admin, call.getString("id")).getString("status"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
    }

    private static JsonPath ring(TestAgents.Seeded admin, UUID agent) {
        return Api.as(admin)
                .body(Map.of("agent_id", agent, "source", "+15550009999", "ring_timeout", 30))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
    }

    private static JsonPath get(TestAgents.Seeded admin, String id) {
        return Api.as(admin)
                .get("/v1.0/agentcalls/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A unique number per leg ending in the fault's digits. */
    private static Address tel(String ending) {
        String digits = String.format("%06d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000));
        return new Address(AddressType.TEL, "+1555" + digits + ending, null, null, null, null);
    }
}
