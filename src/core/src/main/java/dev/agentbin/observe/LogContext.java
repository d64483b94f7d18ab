package dev.agentbin.observe;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * What ties a log line to the request, ring or message that caused it: the MDC keys every line carries
 * (docs/operations.md, "Logs"), set where the value becomes known and carried to the threads that work
 * for the same request. The only place that names them.
 */
public final class LogContext {

    public static final String LAMBDA_REQUEST_ID = "lambda_request_id";
    /** The API's request id, the error envelope's {@code request_id}. */
    public static final String REQUEST_ID = "request_id";

    public static final String CUSTOMER_ID = "customer_id";
    public static final String AGENT_ID = "agent_id";
    public static final String AGENTCALL_ID = "agentcall_id";
    public static final String LEG_ID = "leg_id";
    public static final String SQS_MESSAGE_ID = "sqs_message_id";

    private LogContext() {}

    public static void lambdaRequest(String awsRequestId) {
        put(LAMBDA_REQUEST_ID, awsRequestId);
    }

    public static void request(String requestId) {
        put(REQUEST_ID, requestId);
    }

    public static void customer(UUID customerId) {
        put(CUSTOMER_ID, customerId);
    }

    public static void agentCall(UUID customerId, UUID agentId, UUID agentCallId) {
        put(CUSTOMER_ID, customerId);
        put(AGENT_ID, agentId);
        put(AGENTCALL_ID, agentCallId);
    }

    public static void leg(UUID legId) {
        put(LEG_ID, legId);
    }

    public static void sqsMessage(String messageId) {
        put(SQS_MESSAGE_ID, messageId);
    }

    /**
     * Keeps what is set until {@link Scope#close()}, which puts back what was there before: an event
     * handler's thread serves one invocation after another, and one message or agentcall after another,
     * so none may leave its ids on the next one's lines.
     */
    public static Scope scope() {
        Map<String, Object> before = copy();
        return () -> replace(before);
    }

    /** One invocation of an event function: its lines carry the Lambda request id, and only its lines. */
    public static Scope invocation(String awsRequestId) {
        Scope scope = scope();
        lambdaRequest(awsRequestId);
        return scope;
    }

    /** One SQS message of a batch: its lines carry the message id, and only its lines. */
    public static Scope message(String messageId) {
        Scope scope = scope();
        sqsMessage(messageId);
        return scope;
    }

    /** The task runs with the ids of the thread that hands it over (an executor's thread has none of its own). */
    public static Runnable carried(Runnable task) {
        Map<String, Object> ids = copy();
        return () -> {
            try (Scope ignored = scope()) {
                replace(ids);
                task.run();
            }
        };
    }

    /** A span of work whose ids are dropped at its end. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static void put(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value.toString());
        }
    }

    /** Some logging back ends hand out their live map. */
    private static Map<String, Object> copy() {
        return new HashMap<>(MDC.getMap());
    }

    private static void replace(Map<String, Object> ids) {
        MDC.clear();
        ids.forEach(MDC::put);
    }
}
