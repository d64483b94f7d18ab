package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallLeg;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.AgentCallStatus;
import dev.agentbin.agentcall.LegEntity;
import dev.agentbin.agentcall.LegStatus;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.agentcall.SweepResult;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.testing.Await;
import dev.agentbin.testing.DatabaseFaults;
import dev.agentbin.testing.SweepWindow;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A ring request whose dispatcher died part way is delivered again (SQS redelivers what was not
 * deleted): the redelivery resumes the stored agentcall. Legs left pending are originated then; a leg
 * left originating is never dialled a second time (its provider call may exist), and if no provider
 * ever took it, the ring timeout ends it.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Dispatch.class)
class DispatchResumeTest {

    @Inject
    TestData data;

    @Inject
    AgentCallService agentCalls;

    @Inject
    SimulatorProvider simulator;

    @Test
    void aRedeliveryOriginatesTheLegsLeftPendingButNotOneLeftOriginating() throws Exception {
        AgentEntity agent = data.agent(AgentStatus.AVAILABLE, "sim:no-answer", "sim:no-answer", "sim:no-answer");
        RingRequest request = new RingRequest(agent.id, agent.customerId, "+15550100000", null, 60, null, null);
        String key = "sqs:" + UUID.randomUUID();

        try (DatabaseFaults faults = new DatabaseFaults()) {
            faults.failOriginationClaimsOf(agent.id);
            assertThrows(RuntimeException.class, () -> agentCalls.dispatch(request, key));
        }
        UUID callId = data.callsOf(agent.id).get(0).id;
        assertEquals(List.of(LegStatus.PENDING, LegStatus.PENDING, LegStatus.PENDING), statuses(data.legsOf(callId)));
        assertEquals(AgentStatus.RINGING, data.statusOf(agent.id), "the agent is held by the stored agentcall");
        // Another dispatcher had claimed the first leg when it died: whether its provider took the call is unknown.
        UUID claimed = data.legsOf(callId).get(0).id;
        data.markOriginating(claimed);

        AgentCall resumed = agentCalls.dispatch(request, key);

        assertEquals(callId, resumed.id(), "the same agentcall, not a second one");
        assertEquals(1, data.callsOf(agent.id).size());
        List<AgentCallLeg> legs = resumed.legs();
        assertEquals(LegStatus.ORIGINATING, legs.get(0).status());
        assertNull(legs.get(0).providerCallId(), "not dialled again");
        for (AgentCallLeg leg : legs.subList(1, 3)) {
            assertNotNull(leg.providerCallId(), "a pending leg is originated on redelivery");
        }
        List<UUID> originated = simulator.recentOriginations().stream()
                .filter(origination -> origination.agentCallId().equals(callId))
                .map(SimulatorProvider.OriginationSpan::legId)
                .toList();
        assertEquals(2, originated.size(), "two originations in all");
        assertEquals(
                Set.of(legs.get(1).id(), legs.get(2).id()), Set.copyOf(originated), "the two pending legs, once each");

        SweepWindow window = SweepWindow.open();
        data.moveInto(window, agent.id);
        assertEquals(new SweepResult(1, 0, 0), agentCalls.sweep(window.now().plusSeconds(61)));
        assertEquals(AgentCallStatus.NO_ANSWER, data.callsOf(agent.id).get(0).status);
        assertEquals(
                List.of(LegStatus.CANCELED, LegStatus.CANCELED, LegStatus.CANCELED), statuses(data.legsOf(callId)));
        Await.until("the agent is free again", () -> data.statusOf(agent.id) == AgentStatus.AVAILABLE);
    }

    private static List<LegStatus> statuses(List<LegEntity> legs) {
        return legs.stream().map(leg -> leg.status).toList();
    }
}
