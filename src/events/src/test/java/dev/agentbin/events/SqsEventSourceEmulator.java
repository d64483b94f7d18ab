package dev.agentbin.events;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@link SqsEventSourceMapping} against the ElasticMQ that scripts/elasticmq.sh starts, with the function
 * reached the way Lambda reaches it: the SQS event JSON Lambda builds (Records with messageId,
 * receiptHandle, body, attributes, md5OfBody, eventSource aws:sqs, eventSourceARN, awsRegion) POSTed to
 * "/" of Quarkus' mock Lambda event server, which invokes the handler quarkus.lambda.handler selects and
 * answers with its SQSBatchResponse (anything but a 200 is a failed invocation).
 * {@link #redeliverNow()} is the test's shortcut for waiting out the visibility timeout: it makes the
 * messages left in flight visible again at once.
 */
public final class SqsEventSourceEmulator {

    public static final Region REGION = Region.US_EAST_1;

    /** What one round did. */
    public record Round(
            List<Message> received,
            int invocationStatus,
            JsonNode response,
            Set<String> failedIds,
            Set<String> deletedIds) {
        public boolean empty() {
            return received.isEmpty();
        }
    }

    private final SqsClient sqs;
    private final SqsEventSourceMapping mapping;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> inFlight = new LinkedHashMap<>();
    /** When false, the round acts like a function that crashed after its work: nothing is deleted. */
    private boolean deleteSuccesses = true;

    public SqsEventSourceEmulator(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.mapping = new SqsEventSourceMapping(sqs, queueUrl, Duration.ofSeconds(1));
    }

    /** An SQS client for the local ElasticMQ (any credentials do). */

    /** Simulates an invocation that did its work but died before the mapping could delete anything. */
    public SqsEventSourceEmulator crashingAfterInvocation() {
        this.deleteSuccesses = false;
        return this;
    }

    public SqsEventSourceEmulator deletingSuccesses() {
        this.deleteSuccesses = true;
        return this;
    }

    /** One receive, invoke, delete round. An empty queue gives an empty round and no invocation. */
    public Round poll() {
        List<Message> messages = mapping.receive();
        if (messages.isEmpty()) {
            return new Round(List.of(), 0, null, Set.of(), Set.of());
        }
        Response[] invocation = new Response[1];
        SqsEventSourceMapping.Function function = batch -> {
            invocation[0] = RestAssured.given()
                    .contentType(ContentType.JSON)
                    .body(event(batch).toString())
                    .post("/");
            return batchResponse(invocation[0]);
        };
        if (!deleteSuccesses) {
            SQSBatchResponse response;
            try {
                response = function.invoke(messages);
            } catch (Exception e) {
                response = null;
            }
            messages.forEach(m -> inFlight.put(m.messageId(), m.receiptHandle()));
            return new Round(
                    List.copyOf(messages),
                    invocation[0].statusCode(),
                    parse(invocation[0].asString()),
                    SqsEventSourceMapping.failedIds(messages, response),
                    Set.of());
        }
        SqsEventSourceMapping.Round round = mapping.deliver(messages, function);
        round.deletedIds().forEach(inFlight::remove);
        round.leftInFlight().forEach(m -> inFlight.put(m.messageId(), m.receiptHandle()));
        return new Round(
                round.received(),
                invocation[0].statusCode(),
                parse(invocation[0].asString()),
                round.failedIds(),
                round.deletedIds());
    }

    /** Makes the messages left in flight visible again now instead of after the visibility timeout. */
    public void redeliverNow() {
        for (String receiptHandle : inFlight.values()) {
            sqs.changeMessageVisibility(ChangeMessageVisibilityRequest.builder()
                    .queueUrl(mapping.queueUrl())
                    .receiptHandle(receiptHandle)
                    .visibilityTimeout(0)
                    .build());
        }
        inFlight.clear();
    }

    /** The mock event server's answer as the handler's response; anything but a 200 is a failed invocation. */
    private SQSBatchResponse batchResponse(Response response) {
        JsonNode body = parse(response.asString());
        if (response.statusCode() != 200 || body == null) {
            throw new IllegalStateException("invocation failed: " + response.statusCode());
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (JsonNode failure : body.path("batchItemFailures")) {
            failures.add(new SQSBatchResponse.BatchItemFailure(
                    failure.path("itemIdentifier").asText(null)));
        }
        return new SQSBatchResponse(failures);
    }

    /** The SQS event Lambda builds for a batch (field names and casing as Lambda sends them). */
    ObjectNode event(List<Message> messages) {
        ObjectNode event = json.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                attribute.put("stringValue", value.stringValue());
                attribute.put("dataType", value.dataType());
                attribute.putArray("stringListValues");
                attribute.putArray("binaryListValues");
            });
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", mapping.queueArn());
            record.put("awsRegion", REGION.id());
        }
        return event;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    public String queueUrl() {
        return mapping.queueUrl();
    }

    public List<String> inFlightIds() {
        return new ArrayList<>(inFlight.keySet());
    }
}
