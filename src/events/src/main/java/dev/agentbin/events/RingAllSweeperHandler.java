package dev.agentbin.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.agentbin.agent.StatusHistoryRetention;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.SweepResult;
import dev.agentbin.observe.LogContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * ringall-sweeper: run every minute by an EventBridge schedule (the scheduled event's content is not
 * needed). Ends the agentcalls still ringing past their deadline, releases agents whose wrap-up time
 * is over, and deletes status history past its retention (agent/StatusHistoryRetention). Idempotent and safe to run concurrently, so an overlapping or repeated run is harmless; a
 * failure throws and the next run catches up.
 */
// @Singleton (what the Lambda extension makes a handler anyway) makes it a bean in src/local too, which runs it without
// Lambda.
@Singleton
@Named("ringall-sweeper")
public class RingAllSweeperHandler implements RequestHandler<Map<String, Object>, SweepResult> {

    private static final Logger LOG = Logger.getLogger(RingAllSweeperHandler.class);

    private final AgentCallService agentCalls;
    private final StatusHistoryRetention statusHistory;
    private final Clock clock;

    @Inject
    public RingAllSweeperHandler(AgentCallService agentCalls, StatusHistoryRetention statusHistory, Clock clock) {
        this.agentCalls = agentCalls;
        this.statusHistory = statusHistory;
        this.clock = clock;
    }

    @Override
    public SweepResult handleRequest(Map<String, Object> input, Context context) {
        try (LogContext.Scope invocation = LogContext.invocation(context == null ? null : context.getAwsRequestId())) {
            Instant now = clock.instant();
            SweepResult result = agentCalls.sweep(now);
            if (result.timedOut() + result.callsExpired() + result.wrapUpsReleased() > 0) {
                LOG.infof(
                        "sweep: %d agentcall(s) timed out, %d ended past the maximum call duration, %d agent(s) released after wrap-up",
                        result.timedOut(), result.callsExpired(), result.wrapUpsReleased());
            }
            // After the sweep, which is what must not wait: a failure here throws, and the next run deletes what is
            // left.
            int expired = statusHistory.deleteExpired(now);
            if (expired > 0) {
                LOG.infof("sweep: %d status history change(s) past retention deleted", expired);
            }
            return result;
        }
    }
}
