package dev.agentbin.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import dev.agentbin.observe.LogContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * ringall-dispatch: the SQS-triggered function. Each record is one {@link RingRequest}; the event source
 * mapping reports partial batch failures (ReportBatchItemFailures), so every record is settled on its own:
 * <ul>
 * <li>dispatched, or refused as a business outcome (agent not found, not available, no addresses: a
 * 4xx {@link ApiException}) → consumed (deleted), the refusal logged at INFO;</li>
 * <li>malformed (not JSON, wrong types, invalid fields) → reported as failed and logged at ERROR: it is
 * redelivered until the queue's maxReceiveCount, then moved to the dead-letter queue, where it is kept
 * (and alarmed on) instead of being lost or retried forever;</li>
 * <li>anything else (database or provider trouble) → reported as failed, retried by redelivery.
 * {@link AgentCallService#dispatch} is idempotent per dispatch key ("sqs:" + messageId), so a
 * redelivered message resumes its agentcall instead of ringing the agent twice.</li>
 * </ul>
 * One bad record never fails the others. Records are handled one after another: dispatch itself
 * originates an agentcall's legs in parallel.
 */
// @Singleton (what the Lambda extension makes a handler anyway) makes it a bean in src/local too, which runs it without
// Lambda.
@Singleton
@Named("ringall-dispatch")
public class RingAllDispatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = Logger.getLogger(RingAllDispatchHandler.class);

    private final RingRequestReader reader;
    private final AgentCallService agentCalls;

    @Inject
    public RingAllDispatchHandler(RingRequestReader reader, AgentCallService agentCalls) {
        this.reader = reader;
        this.agentCalls = agentCalls;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        try (LogContext.Scope invocation = LogContext.invocation(context == null ? null : context.getAwsRequestId())) {
            for (SQSEvent.SQSMessage record : records) {
                try (LogContext.Scope message = LogContext.message(record.getMessageId())) {
                    if (!handle(record)) {
                        failures.add(SQSBatchResponse.BatchItemFailure.builder()
                                .withItemIdentifier(record.getMessageId())
                                .build());
                    }
                }
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** @return true when the record is settled (delete it), false to have it redelivered. */
    private boolean handle(SQSEvent.SQSMessage record) {
        String messageId = record.getMessageId();
        RingRequest request;
        try {
            request = reader.read(record.getBody());
        } catch (RingRequestReader.MalformedMessage e) {
            LOG.errorf(
                    "ring request message %s (receive %s) is malformed and can never be dispatched: %s."
                            + " It is reported as failed, so it will reach the dead-letter queue after the queue's"
                            + " maxReceiveCount receives",
                    messageId, receiveCount(record), e.getMessage());
            return false;
        }
        try {
            AgentCall call = agentCalls.dispatch(request, "sqs:" + messageId);
            LOG.infof(
                    "ring request message %s: agentcall %s for agent %s is %s",
                    messageId,
                    call.id(),
                    request.agentId(),
                    call.status() == null ? "?" : call.status().wire());
            return true;
        } catch (ApiException e) {
            if (isBusinessOutcome(e.status())) {
                LOG.infof(
                        "ring request message %s for agent %s refused (%s %s): %s; consumed, not retried",
                        messageId, request.agentId(), e.status(), e.reason(), e.getMessage());
                return true;
            }
            LOG.warnf(
                    "ring request message %s for agent %s failed (%s %s): %s; will be retried (receive %s)",
                    messageId, request.agentId(), e.status(), e.reason(), e.getMessage(), receiveCount(record));
            return false;
        } catch (RuntimeException e) {
            LOG.warnf(
                    e,
                    "ring request message %s for agent %s failed; will be retried (receive %s)",
                    messageId,
                    request.agentId(),
                    receiveCount(record));
            return false;
        }
    }

    /**
     * A refusal is an answer about the agent (absent, busy, unreachable) that a retry would not change;
     * a transient failure (too busy, the database down) is retried by redelivery.
     */
    static boolean isBusinessOutcome(ErrorStatus status) {
        return !status.isTransient();
    }

    private static String receiveCount(SQSEvent.SQSMessage record) {
        Map<String, String> attributes = record.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        return count == null ? "?" : count;
    }
}
