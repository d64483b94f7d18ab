package dev.agentbin.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.agentbin.event.DeliveryQueue;
import dev.agentbin.event.EventChannels;
import dev.agentbin.event.EventSettings;
import dev.agentbin.event.WebhookDelivery;
import dev.agentbin.observe.LogContext;
import dev.agentbin.observe.Metrics;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * webhook-delivery: consumes the delivery queue; each message is one event for one customer's webhook.
 * A batch's deliveries run in parallel (the batch takes as long as its slowest receiver). Per message:
 * <ul>
 * <li>delivered (2xx), or the customer has no webhook any more → consumed;</li>
 * <li>failed (receiver down, slow, non-2xx, address refused) → its visibility is set to the backoff for
 * this receive (exponential, see {@link DeliveryBackoff}) and it is reported as a batch item failure,
 * so it comes back after that wait; after the queue's last receive it moves to the dead-letter queue,
 * which is alarmed on;</li>
 * <li>malformed (no event or customer attribute) → reported as failed: it can never be delivered and
 * ends in the dead-letter queue, where someone looks at it.</li>
 * </ul>
 * Every delivery of one event carries the same webhook-id and body, so receivers drop repeats.
 */
// @Singleton (what the Lambda extension makes a handler anyway) makes it a bean in src/local too, which runs it without
// Lambda.
@Singleton
@Named("webhook-delivery")
public class WebhookDeliveryHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryHandler.class);

    private final WebhookDelivery delivery;
    private final EventChannels channels;
    private final DeliveryBackoff backoff;
    private final int maxReceives;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    @Inject
    public WebhookDeliveryHandler(WebhookDelivery delivery, EventChannels channels, EventSettings settings) {
        this.delivery = delivery;
        this.channels = channels;
        this.backoff = new DeliveryBackoff(
                settings.delivery().backoffBase(), settings.delivery().backoffMax());
        this.maxReceives = settings.delivery().maxReceives();
    }

    private record Attempt(SQSEvent.SQSMessage record, CompletableFuture<WebhookDelivery.Outcome> outcome) {}

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (LogContext.Scope invocation = LogContext.invocation(context == null ? null : context.getAwsRequestId())) {
            return handle(event);
        }
    }

    private SQSBatchResponse handle(SQSEvent event) {
        List<SQSEvent.SQSMessage> records =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<Attempt> attempts = new ArrayList<>();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage record : records) {
            Optional<UUID> eventId = attribute(record, DeliveryQueue.EVENT_ID);
            Optional<UUID> customerId = attribute(record, DeliveryQueue.CUSTOMER_ID);
            if (eventId.isEmpty() || customerId.isEmpty()) {
                try (LogContext.Scope message = LogContext.message(record.getMessageId())) {
                    LOG.errorf(
                            "delivery message %s names no event or customer and can never be delivered;"
                                    + " it will reach the dead-letter queue",
                            record.getMessageId());
                    Metrics.count("Deliveries").by("Result", "malformed").emit();
                }
                failures.add(failure(record));
                continue;
            }
            attempts.add(new Attempt(record, delivery.deliver(eventId.get(), customerId.get(), record.getBody())));
        }
        for (Attempt attempt : attempts) {
            WebhookDelivery.Outcome outcome = attempt.outcome().join();
            SQSEvent.SQSMessage record = attempt.record();
            try (LogContext.Scope message = LogContext.message(record.getMessageId())) {
                UUID customerId = attribute(record, DeliveryQueue.CUSTOMER_ID).orElseThrow();
                LogContext.customer(customerId);
                switch (outcome.result()) {
                    case DELIVERED -> {
                        LOG.debugf("event %s: %s (%s)", eventIdOf(record), outcome.result(), outcome.detail());
                        Metrics.count("Deliveries").by("Result", "2xx").emit();
                        sentAt(record)
                                .ifPresent(sent -> Metrics.milliseconds(
                                                "DeliveryLag", Math.max(0, System.currentTimeMillis() - sent))
                                        .emit());
                    }
                    case NO_WEBHOOK ->
                        LOG.debugf("event %s: %s (%s)", eventIdOf(record), outcome.result(), outcome.detail());
                    case FAILED -> {
                        int receive = receiveCount(record);
                        long waitSeconds = backoff.after(receive).toSeconds();
                        boolean last = receive >= maxReceives;
                        if (last) {
                            LOG.errorf(
                                    "event %s: delivery %d failed (%s); that was the last try, it goes to the dead-letter queue",
                                    eventIdOf(record), receive, outcome.detail());
                        } else {
                            LOG.warnf(
                                    "event %s: delivery %d failed (%s); next try in %d s",
                                    eventIdOf(record), receive, outcome.detail(), waitSeconds);
                        }
                        Metrics.count("Deliveries")
                                .by("Result", last ? "dead_lettered" : "retried")
                                .emit();
                        // The customer's own receiver is down: its problem, kept out of the platform-wide metric above.
                        Metrics.count("CustomerDeliveryFailures")
                                .by("CustomerId", customerId.toString())
                                .emit();
                        delayRetry(record, waitSeconds);
                        failures.add(failure(record));
                    }
                }
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** Without this the message would come back after the queue's fixed visibility timeout. */
    private void delayRetry(SQSEvent.SQSMessage record, long seconds) {
        try {
            SqsClient sqs = channels.sqs();
            String url = queueUrls.computeIfAbsent(record.getEventSourceArn(), arn -> {
                String[] parts = arn.split(":");
                return sqs.getQueueUrl(b -> b.queueName(parts[5]).queueOwnerAWSAccountId(parts[4]))
                        .queueUrl();
            });
            sqs.changeMessageVisibility(b ->
                    b.queueUrl(url).receiptHandle(record.getReceiptHandle()).visibilityTimeout((int) seconds));
        } catch (RuntimeException e) {
            // The retry still happens, after the queue's visibility timeout instead.
            LOG.warnf(e, "could not delay the retry of message %s", record.getMessageId());
        }
    }

    private static Optional<UUID> attribute(SQSEvent.SQSMessage record, String name) {
        SQSEvent.MessageAttribute attribute = record.getMessageAttributes() == null
                ? null
                : record.getMessageAttributes().get(name);
        try {
            return attribute == null || attribute.getStringValue() == null
                    ? Optional.empty()
                    : Optional.of(UUID.fromString(attribute.getStringValue()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String eventIdOf(SQSEvent.SQSMessage record) {
        return attribute(record, DeliveryQueue.EVENT_ID).map(UUID::toString).orElse("?");
    }

    /** When the relay handed the event to the queue (SQS's SentTimestamp, epoch milliseconds). */
    private static Optional<Long> sentAt(SQSEvent.SQSMessage record) {
        String sent =
                record.getAttributes() == null ? null : record.getAttributes().get("SentTimestamp");
        try {
            return sent == null ? Optional.empty() : Optional.of(Long.parseLong(sent));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int receiveCount(SQSEvent.SQSMessage record) {
        String count =
                record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static SQSBatchResponse.BatchItemFailure failure(SQSEvent.SQSMessage record) {
        return SQSBatchResponse.BatchItemFailure.builder()
                .withItemIdentifier(record.getMessageId())
                .build();
    }
}
