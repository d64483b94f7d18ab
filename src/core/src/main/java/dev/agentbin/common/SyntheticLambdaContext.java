package dev.agentbin.common;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The invocation context Lambda hands a handler, for invocations Lambda itself does not make: SnapStart
 * priming inside a function, and the local run's invocations of the event handlers. Our handlers read
 * only the request id (it goes into every log line of the invocation); the rest is as plausible as it is
 * cheap: no identity or client context, no ARN, no known memory limit.
 */
public final class SyntheticLambdaContext implements Context {

    private static final String PRIMING_REQUEST_ID = "snapstart-priming";
    private static final Duration PRIMING_TIMEOUT = Duration.ofMinutes(1);

    private final String functionName;
    private final String functionVersion;
    private final String requestId;
    private final long deadlineNanos;
    private final Logger log;

    /** @param timeout the function's timeout: the remaining time counts down from it */
    private SyntheticLambdaContext(String functionName, String functionVersion, String requestId, Duration timeout) {
        this.functionName = functionName;
        this.functionVersion = functionVersion;
        this.requestId = requestId;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.log = Logger.getLogger("lambda." + functionName);
    }

    /** One invocation made outside Lambda (the local run): a fresh request id, as every invocation has. */
    public static SyntheticLambdaContext invocation(String functionName, Duration timeout) {
        return new SyntheticLambdaContext(
                functionName, "$LATEST", UUID.randomUUID().toString(), timeout);
    }

    /** A priming invocation inside the function being snapshotted: no real request stands behind it. */
    public static SyntheticLambdaContext priming() {
        return new SyntheticLambdaContext(
                System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", ""),
                System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", ""),
                PRIMING_REQUEST_ID,
                PRIMING_TIMEOUT);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    @Override
    public String getInvokedFunctionArn() {
        return "";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return 0;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.info(message);
            }

            @Override
            public void log(byte[] message) {
                log.info(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
