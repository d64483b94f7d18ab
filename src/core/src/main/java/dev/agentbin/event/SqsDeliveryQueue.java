package dev.agentbin.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** The delivery queue on SQS (ElasticMQ locally): batches of ten, partial failures left for the next relay. */
final class SqsDeliveryQueue implements DeliveryQueue {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    SqsDeliveryQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public Set<UUID> send(List<OutboxEvent> events) {
        Set<UUID> sent = new HashSet<>();
        for (int from = 0; from < events.size(); from += BATCH) {
            List<OutboxEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                OutboxEvent event = batch.get(i);
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(event.body())
                        .messageAttributes(java.util.Map.of(
                                EVENT_ID, text(event.id().toString()),
                                CUSTOMER_ID, text(event.customerId().toString())))
                        .build());
            }
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            response.successful()
                    .forEach(ok -> sent.add(batch.get(Integer.parseInt(ok.id())).id()));
        }
        return sent;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
