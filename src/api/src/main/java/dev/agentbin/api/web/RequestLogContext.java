package dev.agentbin.api.web;

import com.amazonaws.services.lambda.runtime.Context;
import dev.agentbin.observe.LogContext;
import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the request's ids in the log context before anything else runs, so every line it causes (an
 * error's included) carries them: the API request id of the error envelope and, on Lambda, the
 * invocation's request id (the API Gateway event reaches us with its Lambda context). The caller's
 * customer follows once authenticated (auth/CurrentCaller).
 */
public class RequestLogContext {

    private final RequestId requestId;

    public RequestLogContext(RequestId requestId) {
        this.requestId = requestId;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 500)
    public void tag(HttpServerRequest request) {
        LogContext.request(requestId.value());
        if (request.headers() instanceof QuarkusHttpHeaders headers) {
            Context lambda = headers.getContextObject(Context.class);
            if (lambda != null) {
                LogContext.lambdaRequest(lambda.getAwsRequestId());
            }
        }
    }
}
