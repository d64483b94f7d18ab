package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Plain unit test of how each dispatch outcome settles its record, with a stand-in agentcall service:
 * the failures the end-to-end test cannot provoke (a database or provider outage).
 */
class RingAllDispatchHandlerUnitTest {

    /** Answers each dispatch by the request's reference_id. */
    static final class StubService extends AgentCallService {
        final List<String> keys = new ArrayList<>();
        final Function<String, RuntimeException> outcome;

        StubService(Function<String, RuntimeException> outcome) {
            super(null, null, null, null, null, null);
            this.outcome = outcome;
        }

        @Override
        public AgentCall dispatch(RingRequest request, String dispatchKey) {
            keys.add(dispatchKey);
            RuntimeException failure = outcome.apply(request.referenceId());
            if (failure != null) {
                throw failure;
            }
            return new AgentCall(
                    UUID.randomUUID(),
                    request.customerId(),
                    request.agentId(),
                    request.source(),
                    request.referenceId(),
                    null,
                    null,
                    null,
                    null,
                    request.ringTimeoutOrDefault(),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null);
        }
    }

    @Test
    void eachRecordIsSettledOnItsOwn() {
        StubService service = new StubService(reference -> switch (reference) {
            case "ok" -> null;
            case "not-found" -> ApiException.notFound("AGENT_NOT_FOUND", "no such agent");
            case "busy" -> ApiException.failedPrecondition("AGENT_NOT_AVAILABLE", "ringing elsewhere");
            case "throttled" -> new ApiException(ErrorStatus.RESOURCE_EXHAUSTED, "TOO_MANY", "slow down");
            case "unavailable" -> new ApiException(ErrorStatus.UNAVAILABLE, "UNAVAILABLE", "database asleep");
            default -> new IllegalStateException("connection reset");
        });
        RingAllDispatchHandler handler = new RingAllDispatchHandler(RingRequestReaderTest.reader(), service);

        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(
                record("m-ok", request("ok")),
                record("m-not-found", request("not-found")),
                record("m-busy", request("busy")),
                record("m-throttled", request("throttled")),
                record("m-unavailable", request("unavailable")),
                record("m-crash", request("crash")),
                record("m-malformed", "{\"agent_id\":42}"),
                record("m-ok-2", request("ok"))));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertEquals(
                List.of("m-throttled", "m-unavailable", "m-crash", "m-malformed"),
                response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .toList());
        assertEquals(
                List.of(
                        "sqs:m-ok",
                        "sqs:m-not-found",
                        "sqs:m-busy",
                        "sqs:m-throttled",
                        "sqs:m-unavailable",
                        "sqs:m-crash",
                        "sqs:m-ok-2"),
                service.keys,
                "a malformed body never reaches dispatch");
    }

    @Test
    void anEventWithoutRecordsHasNoFailures() {
        RingAllDispatchHandler handler =
                new RingAllDispatchHandler(RingRequestReaderTest.reader(), new StubService(reference -> null));
        assertEquals(List.of(), handler.handleRequest(new SQSEvent(), null).getBatchItemFailures());
    }

    private static String request(String reference) {
        return "{\"agent_id\":\"" + UUID.randomUUID() + "\",\"customer_id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"+15550100000\",\"reference_id\":\"" + reference + "\"}";
    }

    private static SQSEvent.SQSMessage record(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }
}
