package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agentcall.AgentCallEntity;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.AgentCallStatus;
import dev.agentbin.agentcall.LegEntity;
import dev.agentbin.agentcall.LegStatus;
import dev.agentbin.observe.LogContext;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.testing.Await;
import dev.agentbin.testing.LocalSqs;
import dev.agentbin.testing.LogCapture;
import dev.agentbin.testing.OwnQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * ringall-dispatch end to end: messages on a (per-test) ElasticMQ queue shaped like ring-requests, the
 * Lambda SQS event source played by {@link SqsEventSourceEmulator}, the handler reached through the mock
 * Lambda event server, the real agentcall service and database, and the simulator provider.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Dispatch.class)
class RingAllDispatchHandlerTest {

    @Inject
    TestData data;

    @Inject
    AgentCallService agentCalls;

    @Inject
    SimulatorProvider simulator;

    SqsClient sqs;
    OwnQueue queues;
    SqsEventSourceEmulator eventSource;

    @BeforeEach
    void queue() {
        sqs = LocalSqs.client();
        queues = TestQueues.create(sqs);
        eventSource = new SqsEventSourceEmulator(sqs, queues.queueUrl());
    }

    @AfterEach
    void dropQueue() {
        queues.delete(sqs);
        sqs.close();
    }

    @Test
    void malformedMessagesAreReportedWhileAGoodOneInTheSameBatchIsDispatchedAndTheFirstAnswerWins() {
        AgentEntity agent = data.agent(AgentStatus.AVAILABLE, "sim:no-answer", "sim:no-answer", "sim:no-answer");
        String notJson = send("{\"agent_id\": ");
        String invalid = send(
                "{\"agent_id\":\"" + agent.id + "\",\"customer_id\":\"" + agent.customerId + "\",\"ring_timeout\":2}");
        String wrongType = send("{\"agent_id\":\"" + agent.id + "\",\"customer_id\":\"" + agent.customerId
                + "\",\"source\":\"+15550100000\",\"ring_timeout\":\"30\"}");
        String good = send(ringRequest(agent, 60));

        SqsEventSourceEmulator.Round round = eventSource.poll();

        assertEquals(4, round.received().size(), "one batch");
        assertEquals(200, round.invocationStatus());
        assertEquals(Set.of(notJson, invalid, wrongType), round.failedIds());
        assertEquals(Set.of(good), round.deletedIds());

        List<AgentCallEntity> calls = data.callsOf(agent.id);
        assertEquals(1, calls.size());
        AgentCallEntity call = calls.get(0);
        assertEquals("sqs:" + good, call.dispatchKey);
        assertEquals(AgentCallStatus.RINGING, call.status);
        assertEquals(AgentStatus.RINGING, data.statusOf(agent.id));
        List<LegEntity> legs = data.legsOf(call.id);
        assertEquals(3, legs.size());
        legs.forEach(leg -> assertNotNull(leg.providerCallId, "every leg was originated"));

        // The provider reports an answer on the second leg, as the telephony webhook would hand it over.
        LegEntity winner = legs.get(1);
        agentCalls.onLegEvent(
                SimulatorProvider.NAME,
                new LegEvent(winner.id, winner.providerCallId, LegEvent.Kind.ANSWERED, "in-progress", Instant.now()));

        Await.until(
                "the other legs are cancelled",
                () -> data.legsOf(call.id).stream()
                        .filter(leg -> !leg.id.equals(winner.id))
                        .allMatch(leg -> leg.status == LegStatus.CANCELED));
        AgentCallEntity answered = data.callsOf(agent.id).get(0);
        assertEquals(AgentCallStatus.ANSWERED, answered.status);
        assertEquals(winner.id, answered.answeredLegId);
        for (LegEntity leg : data.legsOf(call.id)) {
            if (leg.id.equals(winner.id)) {
                assertEquals(LegStatus.ANSWERED, leg.status);
            } else {
                assertEquals("completed elsewhere", leg.endReason);
                assertTrue(simulator.hungUp().contains(leg.providerCallId), "losing leg hung up at the provider");
            }
        }
        assertEquals(AgentStatus.BUSY, data.statusOf(agent.id));
    }

    @Test
    void everyLineOfADispatchCarriesItsMessageItsInvocationAndItsAgentcallOnEveryThread() {
        AgentEntity agent = data.agent(AgentStatus.AVAILABLE, "sim:no-answer", "sim:no-answer");
        try (LogCapture log = LogCapture.start()) {
            String message = send(ringRequest(agent, 60));
            assertEquals(Set.of(message), eventSource.poll().deletedIds());
            String call = data.callsOf(agent.id).get(0).id.toString();

            List<LogCapture.Line> lines = log.lines().stream()
                    .filter(line -> line.message().contains(call))
                    .toList();
            assertTrue(lines.size() >= 3, "the dispatch line and one origination line per leg: " + lines);
            for (LogCapture.Line line : lines) {
                assertEquals(message, line.mdc().get(LogContext.SQS_MESSAGE_ID), line.toString());
                assertEquals(call, line.mdc().get(LogContext.AGENTCALL_ID), line.toString());
                assertNotNull(line.mdc().get(LogContext.LAMBDA_REQUEST_ID), line.toString());
            }
            assertTrue(
                    lines.stream().anyMatch(line -> line.thread().equals("agentcall-legs")),
                    "the leg threads' lines: " + lines);
            assertTrue(
                    log.metricLines().stream()
                            .filter(metric -> metric.contains("\"LegsOriginated\""))
                            .allMatch(metric -> metric.contains("\"sqs_message_id\":\"" + message + "\"")),
                    log.metricLines().toString());
        }
    }

    @Test
    void aMalformedMessageIsRetriedUntilMaxReceiveCountThenKeptInTheDeadLetterQueue() {
        String body = "not a ring request";
        String id = send(body);
        for (int receive = 1; receive <= TestQueues.MAX_RECEIVE_COUNT; receive++) {
            SqsEventSourceEmulator.Round round = eventSource.poll();
            assertEquals(Set.of(id), round.failedIds(), "receive " + receive);
            assertEquals(
                    String.valueOf(receive),
                    round.received().get(0).attributesAsStrings().get("ApproximateReceiveCount"));
            eventSource.redeliverNow();
        }
        assertTrue(eventSource.poll().empty(), "moved to the dead-letter queue instead of a sixth receive");

        List<Message> dead = sqs.receiveMessage(
                        b -> b.queueUrl(queues.deadLetterQueueUrl()).waitTimeSeconds(1))
                .messages();
        assertEquals(1, dead.size());
        assertEquals(body, dead.get(0).body());
    }

    @Test
    void aRedeliveredMessageResumesItsAgentcallInsteadOfRingingTheAgentAgain() {
        AgentEntity agent = data.agent(AgentStatus.AVAILABLE, "sim:no-answer", "sim:no-answer");
        String id = send(ringRequest(agent, 60));

        // The first invocation dispatches, then dies before the event source can delete the message.
        SqsEventSourceEmulator.Round first =
                eventSource.crashingAfterInvocation().poll();
        assertEquals(Set.of(), first.failedIds());
        assertEquals(Set.of(), first.deletedIds());
        eventSource.redeliverNow();

        SqsEventSourceEmulator.Round second = eventSource.deletingSuccesses().poll();
        assertEquals(id, second.received().get(0).messageId(), "the same message again");
        assertEquals("2", second.received().get(0).attributesAsStrings().get("ApproximateReceiveCount"));
        assertEquals(
                Set.of(),
                second.failedIds(),
                "a redelivery is not an error (the agent is ringing for this very message)");
        assertEquals(Set.of(id), second.deletedIds());

        List<AgentCallEntity> calls = data.callsOf(agent.id);
        assertEquals(1, calls.size(), "one agentcall, not two");
        assertEquals(2, data.legsOf(calls.get(0).id).size(), "one leg per address, not per delivery");
        assertEquals(AgentCallStatus.RINGING, calls.get(0).status);
        assertTrue(eventSource.poll().empty());
    }

    @Test
    void refusalsAreConsumedNotRetried() {
        AgentEntity offline = data.agent(AgentStatus.OFFLINE, "sim:no-answer");
        AgentEntity noAddresses = data.agent(AgentStatus.AVAILABLE);
        AgentEntity unknown = new AgentEntity();
        unknown.id = UUID.randomUUID();
        unknown.customerId = offline.customerId;
        AgentEntity otherCustomers = data.agent(AgentStatus.AVAILABLE, "sim:no-answer");
        otherCustomers.customerId = UUID.randomUUID();
        Set<String> ids = Set.of(
                send(ringRequest(offline, 30)),
                send(ringRequest(noAddresses, 30)),
                send(ringRequest(unknown, 30)),
                send(ringRequest(otherCustomers, 30)));

        SqsEventSourceEmulator.Round round = eventSource.poll();

        assertEquals(Set.of(), round.failedIds());
        assertEquals(ids, round.deletedIds());
        assertTrue(eventSource.poll().empty());
        for (AgentEntity agent : List.of(offline, noAddresses, otherCustomers)) {
            assertEquals(List.of(), data.callsOf(agent.id));
        }
        assertEquals(AgentStatus.OFFLINE, data.statusOf(offline.id));
        assertEquals(AgentStatus.AVAILABLE, data.statusOf(otherCustomers.id));
    }

    @Test
    void anEmptyEventAnswersAnEmptyBatchResponse() {
        io.restassured.RestAssured.given()
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"Records\":[]}")
                .post("/")
                .then()
                .statusCode(200)
                .body("batchItemFailures.size()", org.hamcrest.Matchers.is(0));
    }

    private String send(String body) {
        return sqs.sendMessage(b -> b.queueUrl(queues.queueUrl()).messageBody(body))
                .messageId();
    }

    private static String ringRequest(AgentEntity agent, int ringTimeout) {
        return "{\"agent_id\":\"" + agent.id + "\",\"customer_id\":\"" + agent.customerId
                + "\",\"source\":\"+15550100000\",\"reference_id\":\"call-" + UUID.randomUUID()
                + "\",\"ring_timeout\":" + ringTimeout + ",\"join_target\":\"conference-1\"}";
    }
}
