package dev.agentbin.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Does what the Lambda SQS event source mapping (with ReportBatchItemFailures) does, against the
 * ElasticMQ that scripts/elasticmq.sh starts, one round at a time:
 * <ol>
 * <li>ReceiveMessage, up to 10 messages (the mapping's default batch size);</li>
 * <li>builds the SQSEvent JSON Lambda would send (Records with messageId, receiptHandle, body,
 * attributes, md5OfBody, eventSource aws:sqs, eventSourceARN, awsRegion);</li>
 * <li>POSTs it to "/" of Quarkus' mock Lambda event server, which invokes the handler that
 * quarkus.lambda.handler selects and answers with its SQSBatchResponse;</li>
 * <li>deletes every message not listed in batchItemFailures and leaves the listed ones in flight, to
 * come back when their visibility timeout ends (and to move to the dead-letter queue once received
 * maxReceiveCount times). As Lambda does, a failed invocation, or a batchItemFailures entry naming no
 * message of the batch, leaves the whole batch for redelivery.</li>
 * </ol>
 * {@link #redeliverNow()} is the test's shortcut for waiting out the visibility timeout: it makes the
 * messages left in flight visible again at once.
 */
public final class SqsEventSourceEmulator {

    public static final URI ENDPOINT = URI.create("http://127.0.0.1:9324");
    public static final Region REGION = Region.US_EAST_1;

    /** What one round did. */
    public record Round(List<Message> received, int invocationStatus, JsonNode response, Set<String> failedIds,
                        Set<String> deletedIds) {
        public boolean empty() {
            return received.isEmpty();
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> inFlight = new LinkedHashMap<>();
    /** When false, the round acts like a function that crashed after its work: nothing is deleted. */
    private boolean deleteSuccesses = true;

    public SqsEventSourceEmulator(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** An SQS client for the local ElasticMQ (any credentials do). */
    public static SqsClient client() {
        return SqsClient.builder()
                .endpointOverride(ENDPOINT)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

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
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(10)
                .waitTimeSeconds(1)
                .messageSystemAttributeNamesWithStrings("All")
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty()) {
            return new Round(List.of(), 0, null, Set.of(), Set.of());
        }
        Response response = RestAssured.given()
                .contentType(ContentType.JSON)
                .body(event(messages).toString())
                .post("/");
        JsonNode body = parse(response.asString());
        Set<String> ids = new HashSet<>();
        messages.forEach(m -> ids.add(m.messageId()));

        Set<String> failed = new HashSet<>();
        boolean wholeBatchFailed = response.statusCode() != 200 || body == null;
        if (!wholeBatchFailed && body.hasNonNull("batchItemFailures")) {
            for (JsonNode failure : body.get("batchItemFailures")) {
                String id = failure.path("itemIdentifier").asText(null);
                if (id == null || !ids.contains(id)) {
                    wholeBatchFailed = true; // Lambda's rule: an unknown or empty identifier fails the batch
                }
                failed.add(id);
            }
        }
        if (wholeBatchFailed) {
            failed = new HashSet<>(ids);
        }

        Set<String> deleted = new HashSet<>();
        for (Message message : messages) {
            if (failed.contains(message.messageId()) || !deleteSuccesses) {
                inFlight.put(message.messageId(), message.receiptHandle());
            } else {
                sqs.deleteMessage(DeleteMessageRequest.builder().queueUrl(queueUrl).receiptHandle(message.receiptHandle()).build());
                deleted.add(message.messageId());
                inFlight.remove(message.messageId());
            }
        }
        return new Round(List.copyOf(messages), response.statusCode(), body, Set.copyOf(failed), Set.copyOf(deleted));
    }

    /** Makes the messages left in flight visible again now instead of after the visibility timeout. */
    public void redeliverNow() {
        for (String receiptHandle : inFlight.values()) {
            sqs.changeMessageVisibility(ChangeMessageVisibilityRequest.builder()
                    .queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(0).build());
        }
        inFlight.clear();
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
            record.put("eventSourceARN", queueArn);
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
        return queueUrl;
    }

    public List<String> inFlightIds() {
        return new ArrayList<>(inFlight.keySet());
    }
}
