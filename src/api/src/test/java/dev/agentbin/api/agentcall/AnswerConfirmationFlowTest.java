package dev.agentbin.api.agentcall;

import static dev.agentbin.api.agentcall.RingTestSupport.sip;
import static dev.agentbin.api.agentcall.RingTestSupport.status;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agent.AnswerConfirmation;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Voicemail never wins a ring-all, through the simulator: {@code sim:machine} answers like a mailbox
 * (never presses a key, detection says machine), {@code sim:answer} is a person who presses the key,
 * {@code sim:answer-nokey} a person who never does.
 */
@QuarkusTest
class AnswerConfirmationFlowTest {

    @Inject
    TestAgents seeds;

    @Inject
    SimulatorProvider simulator;

    TestAgents.Seeded admin;
    RingTestSupport rings;

    @BeforeEach
    void seed() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        rings = new RingTestSupport(admin);
    }

    @Test
    void withKeyAPersonBeatsAMachineThatAnsweredFirst() {
        JsonPath answered = ringUntilAnswered(AnswerConfirmation.KEY, "sim:machine:300", "sim:answer:1500");
        Assertions.assertEquals(answered.getString("legs[1].id"), answered.getString("answered_leg_id"));
        Assertions.assertEquals(List.of("canceled", "answered"), answered.getList("legs.status"));
        Assertions.assertNotNull(answered.getString("legs[0].tm_answer"), "the machine did pick up");
        Assertions.assertNotNull(answered.getString("legs[1].tm_confirm"));
        Assertions.assertTrue(
                simulator.hungUp().contains(answered.getString("legs[0].provider_call_id")), "the machine is hung up");
        Assertions.assertEquals(AgentStatus.BUSY, seeds.reload(UUID.fromString(answered.getString("agent_id"))).status);
    }

    @Test
    void withKeyAPersonWhoNeverPressesDoesNotWin() {
        JsonPath answered = ringUntilAnswered(AnswerConfirmation.KEY, "sim:answer-nokey:300", "sim:answer:1500");
        Assertions.assertEquals(answered.getString("legs[1].id"), answered.getString("answered_leg_id"));
    }

    @Test
    void withKeyOnlyMachinesEndTheRingUnansweredAndTheAgentIsFree() {
        UUID agent =
                seeds.seedRingable(admin.customerId(), List.of(sip("sim:machine:100"), sip("sim:machine:150")), 0, 3);
        seeds.setAnswerConfirmation(agent, AnswerConfirmation.KEY);
        JsonPath ended =
                rings.await(rings.ring(agent).getString("id"), "the unconfirmed legs to end", status("no_answer"));
        Assertions.assertEquals(
                List.of("answered but not confirmed", "answered but not confirmed"), ended.getList("legs.end_reason"));
        Assertions.assertEquals(AgentStatus.AVAILABLE, seeds.reload(agent).status);
        Assertions.assertEquals(1, seeds.reload(agent).missedRings, "nobody took the call: a miss");
    }

    @Test
    void withMachineDetectionTheMachineIsHungUpAndThePersonWins() {
        JsonPath answered =
                ringUntilAnswered(AnswerConfirmation.MACHINE_DETECTION, "sim:machine:100", "sim:answer:900");
        Assertions.assertEquals(answered.getString("legs[1].id"), answered.getString("answered_leg_id"));
        Assertions.assertEquals("answered by a machine", answered.getString("legs[0].end_reason"));
    }

    @Test
    void withoutConfirmationTheMachineWins() {
        JsonPath answered = ringUntilAnswered(AnswerConfirmation.NONE, "sim:machine:100", "sim:answer:900");
        Assertions.assertEquals(
                answered.getString("legs[0].id"), answered.getString("answered_leg_id"), "voicemail wins unguarded");
    }

    private JsonPath ringUntilAnswered(AnswerConfirmation confirmation, String first, String second) {
        UUID agent = seeds.seedRingable(admin.customerId(), List.of(sip(first), sip(second)), 0, 3);
        seeds.setAnswerConfirmation(agent, confirmation);
        return rings.await(rings.ring(agent).getString("id"), "a winner", status("answered"));
    }
}
