package dev.agentbin.api.telephony;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agent.AnswerConfirmation;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.api.support.Api;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.telephony.AnswerOutcome;
import dev.agentbin.telephony.LegEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Voicemail must never win a ring-all, over Twilio: with "key" a leg that picks up hears a prompt
 * and wins only when the person presses a key; with "machine_detection" Twilio's answering machine
 * detection (AnsweredBy on the answer URL) decides.
 */
@QuarkusTest
@TestProfile(TwilioRingAllTest.TwilioProvider.class)
class TwilioAnswerConfirmationTest {

    static final FakeTwilio TWILIO = TwilioRingAllTest.TWILIO;

    @Inject
    TestAgents seeds;

    @Inject
    AgentCallService agentCalls;

    @Test
    void withKeyAnAnswerThatIsNotConfirmedDoesNotWinAndAConfirmedOneDoes() {
        TwoPhones ring = ringTwoPhones(AnswerConfirmation.KEY);
        TestAgents.Seeded admin = ring.admin();
        UUID agent = ring.agent();
        JsonPath call = ring.call();
        List<String> legs = call.getList("legs.id");
        List<String> sids = call.getList("legs.provider_call_id");
        Assertions.assertEquals(List.of("key", "key"), call.getList("legs.confirmation"));

        answer(legs.get(0), sids.get(0), null)
                .then()
                .statusCode(200)
                .body(containsString("<Gather numDigits=\"1\""))
                .body(containsString(
                        "action=\"" + FakeTwilio.BASE + "/v1.0/telephony/twilio/confirm?leg=" + legs.get(0) + "\""))
                .body(not(containsString("<Conference>")));
        JsonPath voicemail = get(admin, call);
        Assertions.assertEquals("ringing", voicemail.getString("status"), "a pick-up alone wins nothing");
        Assertions.assertEquals(List.of("confirming", "originating"), voicemail.getList("legs.status"));
        Assertions.assertNull(TWILIO.updates().get(sids.get(1)), "the other leg rings on");

        TWILIO.statusCallback(legs.get(0), sids.get(0), "completed").then().statusCode(204);
        Assertions.assertEquals("answered but not confirmed", get(admin, call).getString("legs[0].end_reason"));

        answer(legs.get(1), sids.get(1), null).then().statusCode(200).body(containsString("<Gather"));
        TWILIO.confirm(legs.get(1), sids.get(1), "5")
                .then()
                .statusCode(200)
                .body(containsString("<Conference>" + call.getString("provider_join_target") + "</Conference>"));
        JsonPath answered = get(admin, call);
        Assertions.assertEquals("answered", answered.getString("status"));
        Assertions.assertEquals(legs.get(1), answered.getString("answered_leg_id"));
        Assertions.assertNotNull(answered.getString("legs[1].tm_confirm"));
        Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status);
    }

    @Test
    void withMachineDetectionAMachineIsHungUpAndAPersonWins() {
        TwoPhones ring = ringTwoPhones(AnswerConfirmation.MACHINE_DETECTION);
        TestAgents.Seeded admin = ring.admin();
        UUID agent = ring.agent();
        JsonPath call = ring.call();
        List<String> legs = call.getList("legs.id");
        List<String> sids = call.getList("legs.provider_call_id");
        Assertions.assertTrue(TWILIO.creates().stream()
                .filter(c -> legs.contains(c.form().get("Url").get(0).replaceAll(".*leg=", "")))
                .allMatch(c -> List.of("Enable").equals(c.form().get("MachineDetection"))));

        answer(legs.get(0), sids.get(0), "machine_end_beep")
                .then()
                .statusCode(200)
                .body(containsString("<Hangup/>"));
        JsonPath afterMachine = get(admin, call);
        Assertions.assertEquals("ringing", afterMachine.getString("status"));
        Assertions.assertEquals("answered by a machine", afterMachine.getString("legs[0].end_reason"));

        answer(legs.get(1), sids.get(1), "human").then().statusCode(200).body(containsString("<Conference>"));
        Assertions.assertEquals(legs.get(1), get(admin, call).getString("answered_leg_id"));
        Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status);
    }

    @Test
    void whenEveryLegIsAMachineTheRingIsUnansweredAndCountsAsAMiss() {
        TwoPhones ring = ringTwoPhones(AnswerConfirmation.MACHINE_DETECTION);
        TestAgents.Seeded admin = ring.admin();
        UUID agent = ring.agent();
        JsonPath call = ring.call();
        List<String> legs = call.getList("legs.id");
        List<String> sids = call.getList("legs.provider_call_id");
        answer(legs.get(0), sids.get(0), "machine_start").then().statusCode(200).body(containsString("<Hangup/>"));
        answer(legs.get(1), sids.get(1), "fax").then().statusCode(200).body(containsString("<Hangup/>"));
        Assertions.assertEquals("no_answer", get(admin, call).getString("status"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
        Assertions.assertEquals(1, seeds.reload(agent).missedRings);
    }

    @Test
    void anAddressOverridesTheAgentsSetting() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        Address desk = new Address(AddressType.TEL, number(), null, "desk", null, AnswerConfirmation.NONE);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel(), desk), 0, 3);
        seeds.setAnswerConfirmation(agent, AnswerConfirmation.KEY);
        JsonPath call = ring(admin, agent);
        Assertions.assertEquals(List.of("key", "none"), call.getList("legs.confirmation"));
        answer(call.getString("legs[1].id"), call.getString("legs[1].provider_call_id"), null)
                .then()
                .statusCode(200)
                .body(containsString("<Conference>"));
    }

    /** Two people press a key at once on two legs: exactly one joins, every trial. */
    @Test
    void ofTwoSimultaneousConfirmationsExactlyOneWins() throws Exception {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        for (int trial = 0; trial < 20; trial++) {
            UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel(), tel()), 0, 3);
            seeds.setAnswerConfirmation(agent, AnswerConfirmation.KEY);
            JsonPath call = ring(admin, agent);
            List<UUID> legs = call.getList("legs.id", String.class).stream()
                    .map(UUID::fromString)
                    .toList();
            List<String> sids = call.getList("legs.provider_call_id");
            for (int i = 0; i < 2; i++) {
                Assertions.assertEquals(
                        AnswerOutcome.Kind.CONFIRM,
                        agentCalls
                                .onAnswer(
                                        "twilio",
                                        new LegEvent(
                                                legs.get(i),
                                                sids.get(i),
                                                LegEvent.Kind.ANSWERED,
                                                "answered",
                                                Instant.now()))
                                .kind());
            }
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<AnswerOutcome.Kind>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int leg = i;
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return agentCalls
                            .onAnswer(
                                    "twilio",
                                    new LegEvent(
                                            legs.get(leg),
                                            sids.get(leg),
                                            LegEvent.Kind.CONFIRMED,
                                            "key pressed",
                                            Instant.now()))
                            .kind();
                }));
            }
            List<AnswerOutcome.Kind> kinds = new ArrayList<>();
            for (CompletableFuture<AnswerOutcome.Kind> outcome : outcomes) {
                kinds.add(outcome.get());
            }
            Assertions.assertEquals(
                    1,
                    kinds.stream().filter(k -> k == AnswerOutcome.Kind.JOIN).count(),
                    "trial " + trial + ": " + kinds);
            Assertions.assertEquals(
                    1,
                    kinds.stream().filter(k -> k == AnswerOutcome.Kind.HANGUP).count(),
                    "trial " + trial + ": " + kinds);
            Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(agent).status);
        }
    }

    /** An agent with two phones and this answer confirmation, rung by its customer's admin. */
    record TwoPhones(TestAgents.Seeded admin, UUID agent, JsonPath call) {}

    private TwoPhones ringTwoPhones(AnswerConfirmation confirmation) {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(tel(), tel()), 0, 3);
        seeds.setAnswerConfirmation(agent, confirmation);
        return new TwoPhones(admin, agent, ring(admin, agent));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath ring(TestAgents.Seeded admin, UUID agent) {
        return Api.as(admin)
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
    }

    private static JsonPath get(TestAgents.Seeded admin, JsonPath call) {
        return Api.as(admin)
                .get("/v1.0/agentcalls/" + call.getString("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Address tel() {
        return new Address(AddressType.TEL, number(), null, null, null, null);
    }

    private static String number() {
        return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    private static io.restassured.response.Response answer(String leg, String sid, String answeredBy) {
        return TWILIO.answer(leg, sid, answeredBy == null ? Map.of() : Map.of("AnsweredBy", answeredBy));
    }
}
