package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.agent.Agent;
import dev.agentbin.testing.LocalSqs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** events-relay as the schedule invokes it: through the mock Lambda event server, answering what it did. */
@QuarkusTest
@TestProfile(HandlerProfiles.Relay.class)
class EventsRelayHandlerTest {

    private static final String SCHEDULED_EVENT = """
            {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eab","detail-type":"Scheduled Event",
             "source":"aws.events","account":"123456789012","time":"2026-01-01T00:00:00Z","region":"us-east-1",
             "resources":["arn:aws:events:us-east-1:123456789012:rule/events-relay"],"detail":{}}
            """;

    @Inject
    EventTestData data;

    @Test
    void aScheduledRunQueuesWhatTheOutboxHoldsAndAnswersWhatItDid() {
        try (SqsClient sqs = LocalSqs.client();
                WebhookReceiver receiver = new WebhookReceiver()) {
            String queueUrl = EventQueues.emptied(sqs).queueUrl();
            EventTestData.Customer customer = data.customerWithWebhook(receiver.url());
            Agent agent = data.agent(customer);

            JsonPath run = RestAssured.given()
                    .contentType(ContentType.JSON)
                    .body(SCHEDULED_EVENT)
                    .post("/")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();

            assertTrue(run.getInt("queued") >= 1, run.prettify());
            assertEquals(0, run.getInt("refused"), run.prettify());
            assertTrue(data.outboxOf(agent.id()).get(0).queued());
            List<Message> queued = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All"))
                    .messages();
            assertTrue(
                    queued.stream()
                            .anyMatch(m -> m.messageAttributes()
                                    .get("event_id")
                                    .stringValue()
                                    .equals(data.outboxOf(agent.id())
                                            .get(0)
                                            .id()
                                            .toString())),
                    queued.toString());
        }
    }
}
