package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.agent.Agent;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agent.StatusRequest;
import dev.agentbin.testing.Await;
import dev.agentbin.testing.LocalSqs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** With the after-commit relay on, a change reaches the webhook without any scheduled relay run. */
@QuarkusTest
@TestProfile(AfterCommitRelay.class)
class AfterCommitRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventTestData data;

    @Inject
    AgentService agents;

    @Test
    void aCommittedChangeIsQueuedRightAwayAndDelivered() throws Exception {
        try (SqsClient sqs = LocalSqs.client();
                WebhookReceiver receiver = new WebhookReceiver()) {
            SqsEventSourceEmulator eventSource =
                    new SqsEventSourceEmulator(sqs, EventQueues.emptied(sqs).queueUrl());
            EventTestData.Customer customer = data.customerWithWebhook(receiver.url());
            Agent agent = data.agent(customer);
            agents.updateStatus(customer.admin(), agent.id(), new StatusRequest(AgentStatus.AVAILABLE));

            Await.until(
                    "both events are queued by the after-commit relay",
                    () -> data.outboxOf(agent.id()).stream().allMatch(EventTestData.Row::queued));
            while (!eventSource.poll().empty()) {
                // deliver what the relay queued
            }
            List<String> types = new ArrayList<>();
            for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
                types.add(JSON.readTree(delivery.body()).get("type").asText());
            }
            types.sort(null);
            assertEquals(List.of("agent_created", "agent_status_updated"), types);
            assertTrue(receiver.deliveries().stream()
                    .allMatch(d -> WebhookEventsTest.signatureValid(customer.secret(), d)));
        }
    }
}
