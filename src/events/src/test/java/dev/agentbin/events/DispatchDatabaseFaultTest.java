package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agentcall.AgentCallStatus;
import dev.agentbin.testing.DatabaseFaults;
import dev.agentbin.testing.LocalSqs;
import dev.agentbin.testing.OwnQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The database connection dies while a ring request is dispatched: the record is reported failed (so SQS
 * redelivers it, nothing is lost), nothing is half-written, and the redelivery dispatches it.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Dispatch.class)
class DispatchDatabaseFaultTest {

    @Inject
    TestData data;

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
    void aRecordCutOffFromTheDatabaseIsReportedFailedAndDispatchedOnRedelivery() throws Exception {
        AgentEntity agent = data.agent(AgentStatus.AVAILABLE, "sim:no-answer");
        String id = sqs.sendMessage(b -> b.queueUrl(queues.queueUrl())
                        .messageBody("{\"agent_id\":\"" + agent.id + "\",\"customer_id\":\"" + agent.customerId
                                + "\",\"source\":\"+15550100000\",\"ring_timeout\":60}"))
                .messageId();

        SqsEventSourceEmulator.Round cut;
        try (DatabaseFaults faults = new DatabaseFaults()) {
            faults.hold("select 1 from agent_agents where id = ? for update", agent.id);
            CompletableFuture<SqsEventSourceEmulator.Round> round = CompletableFuture.supplyAsync(eventSource::poll);
            faults.terminateTheWaitingBackend();
            faults.release();
            cut = round.join();
        }
        assertEquals(Set.of(id), cut.failedIds());
        assertEquals(AgentStatus.AVAILABLE, data.statusOf(agent.id));
        assertEquals(0, data.callsOf(agent.id).size());

        eventSource.redeliverNow();
        SqsEventSourceEmulator.Round again = eventSource.poll();
        assertEquals(Set.of(id), again.deletedIds());
        assertEquals(AgentCallStatus.RINGING, data.callsOf(agent.id).get(0).status);
        assertEquals(AgentStatus.RINGING, data.statusOf(agent.id));
    }
}
