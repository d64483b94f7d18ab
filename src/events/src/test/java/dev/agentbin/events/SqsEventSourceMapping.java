package dev.agentbin.events;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What Lambda's SQS event source mapping (with ReportBatchItemFailures) does for ringall-dispatch, for
 * running the handler outside Lambda: the local run (src/local) and this module's end-to-end tests. In
 * AWS, Lambda does this itself, so it lives with the tests and reaches the local run through this
 * module's test-jar; function.zip never carries it. One round:
 * <ol>
 * <li>ReceiveMessage, up to {@link #BATCH_SIZE} messages (the mapping's default batch size), with every
 * system attribute (ApproximateReceiveCount among them);</li>
 * <li>invokes the function with the batch;</li>
 * <li>deletes every message not listed in batchItemFailures and leaves the listed ones in flight, to come
 * back when their visibility timeout ends, and to move to the dead-letter queue once received
 * maxReceiveCount times. As Lambda does, a failed invocation, or a batchItemFailures entry naming no
 * message of the batch, leaves the whole batch for redelivery.</li>
 * </ol>
 * Whoever runs the mapping brings the SQS client.
 */
public final class SqsEventSourceMapping {

    public static final int BATCH_SIZE = 10;

    /** One invocation of the function with a batch. Throwing is a failed invocation. */
    @FunctionalInterface
    public interface Function {
        SQSBatchResponse invoke(List<Message> batch) throws Exception;
    }

    /** What one round did; {@code leftInFlight} are the messages that will be redelivered. */
    public record Round(
            List<Message> received, Set<String> failedIds, Set<String> deletedIds, List<Message> leftInFlight) {
        public boolean empty() {
            return received.isEmpty();
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration wait;
    private volatile String queueArn;

    /** @param wait how long a receive waits for messages (long polling; 0 returns at once) */
    public SqsEventSourceMapping(SqsClient sqs, String queueUrl, Duration wait) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.wait = wait;
    }

    /** One receive, invoke, settle round. An empty receive invokes nothing. */
    public Round poll(Function function) {
        List<Message> batch = receive();
        return batch.isEmpty() ? new Round(List.of(), Set.of(), Set.of(), List.of()) : deliver(batch, function);
    }

    public List<Message> receive() {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(BATCH_SIZE)
                        .waitTimeSeconds((int) wait.toSeconds())
                        .messageSystemAttributeNamesWithStrings("All")
                        .messageAttributeNames("All"))
                .messages();
    }

    /** Invokes the function with a received batch, then deletes what it did not report failed. */
    public Round deliver(List<Message> batch, Function function) {
        SQSBatchResponse response;
        try {
            response = function.invoke(batch);
        } catch (Exception e) {
            response = null;
        }
        Set<String> failed = failedIds(batch, response);
        Set<String> deleted = new HashSet<>();
        List<Message> leftInFlight = new ArrayList<>();
        for (Message message : batch) {
            if (failed.contains(message.messageId())) {
                leftInFlight.add(message);
            } else {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                deleted.add(message.messageId());
            }
        }
        return new Round(List.copyOf(batch), Set.copyOf(failed), Set.copyOf(deleted), List.copyOf(leftInFlight));
    }

    /**
     * The messages Lambda leaves for redelivery: those the response lists, or the whole batch when there
     * is no response (a failed invocation) or it names something that is not a message of the batch.
     */
    static Set<String> failedIds(List<Message> batch, SQSBatchResponse response) {
        Set<String> all = new HashSet<>();
        batch.forEach(message -> all.add(message.messageId()));
        if (response == null) {
            return all;
        }
        Set<String> failed = new HashSet<>();
        if (response.getBatchItemFailures() != null) {
            for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                String id = failure == null ? null : failure.getItemIdentifier();
                if (id == null || !all.contains(id)) {
                    return all;
                }
                failed.add(id);
            }
        }
        return failed;
    }

    /** The SQSEvent Lambda hands the handler for a batch. */
    public SQSEvent toEvent(List<Message> batch, String region) {
        String queueArn = queueArn();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : batch) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setAttributes(new HashMap<>(message.attributesAsStrings()));
            var attributes = new HashMap<String, SQSEvent.MessageAttribute>();
            message.messageAttributes().forEach((name, value) -> {
                SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                attribute.setStringValue(value.stringValue());
                attribute.setDataType(value.dataType());
                attribute.setStringListValues(List.of());
                attribute.setBinaryListValues(List.of());
                attributes.put(name, attribute);
            });
            record.setMessageAttributes(attributes);
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(region);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    public String queueArn() {
        if (queueArn == null) {
            queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
        }
        return queueArn;
    }

    public String queueUrl() {
        return queueUrl;
    }
}
