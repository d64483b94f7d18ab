package dev.agentbin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import dev.agentbin.local.support.TestRingQueue;
import dev.agentbin.testing.Await;
import dev.agentbin.testing.LocalSqs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The ring queue as the local run wires it: a message on the queue is dispatched by the ringall-dispatch
 * handler, fed by the app's own event source mapping (nothing in the test polls for it), and a message
 * that can never be dispatched ends in the dead-letter queue after maxReceiveCount receives.
 */
@QuarkusTest
class RingQueueTest {

    @Inject
    Tenants tenants;

    @Inject
    AgroalDataSource database;

    SqsClient sqs;
    String queueUrl;

    @BeforeEach
    void queue() {
        sqs = LocalSqs.client();
        queueUrl = ConfigProvider.getConfig().getValue("agentbin.local.ring-queue.url", String.class);
    }

    @AfterEach
    void close() {
        sqs.close();
    }

    @Test
    void aMessageOnTheQueueRingsTheAgent() {
        Tenant tenant = tenants.create();
        String agent = tenant.ringableAgent("sim:no-answer", "sim:no-answer");
        String messageId = sqs.sendMessage(b -> b.queueUrl(queueUrl)
                        .messageBody("{\"agent_id\":\"" + agent + "\",\"customer_id\":\"" + tenant.customerId()
                                + "\",\"source\":\"+15550100000\",\"ring_timeout\":30}"))
                .messageId();

        String call = Await.until(
                        "an agentcall dispatched for message " + messageId,
                        () -> agentCallOf("sqs:" + messageId),
                        Optional::isPresent)
                .orElseThrow();
        assertEquals("ringing", tenant.agentStatus(agent));
        assertEquals(agent, tenant.agentCall(call).path("agent_id").asText());
        assertEquals(2, tenant.agentCall(call).path("legs").size());
        tenant.hangup(call);
    }

    @Test
    void aMalformedMessageEndsInTheDeadLetterQueueAfterMaxReceiveCount() {
        String body = "not a ring request " + java.util.UUID.randomUUID();
        String messageId =
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body)).messageId();

        List<Message> dead = Await.until(
                "the message in the dead-letter queue",
                () -> sqs
                        .receiveMessage(b -> b.queueUrl(queueUrl + "-dlq")
                                .waitTimeSeconds(1)
                                .maxNumberOfMessages(10)
                                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .messages()
                        .stream()
                        .filter(m -> m.messageId().equals(messageId))
                        .toList(),
                messages -> !messages.isEmpty());
        assertEquals(body, dead.get(0).body());
        assertEquals(
                String.valueOf(TestRingQueue.MAX_RECEIVE_COUNT + 1),
                dead.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT),
                "received maxReceiveCount times from the ring queue, then once here");
    }

    private Optional<String> agentCallOf(String dispatchKey) {
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select id from agent_calls where dispatch_key = ?")) {
            query.setString(1, dispatchKey);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
