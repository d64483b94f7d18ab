package dev.agentbin.agentcall;

import dev.agentbin.access.AccessPolicy;
import dev.agentbin.access.Caller;
import dev.agentbin.agent.AgentStatusOwner;
import dev.agentbin.agent.PageCursor;
import dev.agentbin.common.ApiException;
import dev.agentbin.observe.LogContext;
import dev.agentbin.telephony.AnswerOutcome;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.LegEventSink;
import dev.agentbin.telephony.Origination;
import dev.agentbin.telephony.ProviderCallback;
import dev.agentbin.telephony.TelephonyException;
import dev.agentbin.telephony.TelephonyProvider;
import dev.agentbin.telephony.TelephonyProviders;
import dev.agentbin.telephony.WebhookErrors;
import dev.agentbin.telephony.WebhookReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ring-all: claims an agent, rings its addresses in parallel, lets the first answer win and hangs up
 * the rest. State changes are {@link AgentCallTransitions}' (one transaction each); this class talks to
 * the providers between them, never inside one.
 */
@ApplicationScoped
public class AgentCallService implements LegEventSink {

    private static final Logger LOG = Logger.getLogger(AgentCallService.class);
    private static final int SWEEP_BATCH = 100;

    private final AgentCallTransitions transitions;
    private final AgentCallReads reads;
    private final TelephonyProviders providers;
    /**
     * Legs are originated and hung up side by side, each blocking on its provider. Plain threads, not the
     * ManagedExecutor: that one runs its tasks on the request's Vert.x context, and with it on the request's
     * one log context, where parallel legs would overwrite each other's leg_id. The tasks need nothing else
     * of the request (each transition is a transaction of its own).
     */
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "agentcall-legs");
        thread.setDaemon(true);
        return thread;
    });

    private final AccessPolicy policy;
    private final AgentStatusOwner agentStatus;
    private final Duration maxCallDuration;

    public AgentCallService(
            AgentCallTransitions transitions,
            AgentCallReads reads,
            TelephonyProviders providers,
            AccessPolicy policy,
            AgentStatusOwner agentStatus,
            @ConfigProperty(name = "agentbin.ring.max-call-duration", defaultValue = "PT4H") Duration maxCallDuration) {
        this.transitions = transitions;
        this.reads = reads;
        this.providers = providers;
        this.policy = policy;
        this.agentStatus = agentStatus;
        this.maxCallDuration = maxCallDuration;
    }

    /**
     * Rings an agent. The dispatch key makes it idempotent: the same key again (a redelivered message,
     * a retried request) resumes the stored agentcall instead of ringing anew.
     *
     * @throws ApiException 404 AGENT_NOT_FOUND, 409 AGENT_NOT_AVAILABLE or AGENT_HAS_NO_ADDRESSES
     */
    public AgentCall dispatch(RingRequest request, String dispatchKey) {
        UUID id = transitions.start(request, dispatchKey, providers.defaultName());
        originatePending(id);
        return view(id);
    }

    /** POST /v1.0/agentcalls: an admin or manager of the customer rings one of its agents. */
    public AgentCall dispatch(Caller caller, RingRequest request, String dispatchKey) {
        policy.checkManages(caller, caller.customerId());
        return dispatch(request.forCustomer(caller.customerId()), caller.customerId() + ":" + dispatchKey);
    }

    public AgentCall get(Caller caller, UUID id) {
        AgentCall call = reads.view(id).orElseThrow(() -> notFound(id));
        policy.checkSeesCallsOf(caller, call.customerId(), call.agentId(), () -> notFound(id));
        return call;
    }

    /**
     * GET /v1.0/agentcalls: one agent's agentcalls (the agent itself, an admin or a manager) or, without
     * agent_id, the customer's (admins and managers), newest first (an agent's live one, if any, comes first).
     */
    public AgentCallPage list(Caller caller, AgentCallListQuery query) {
        List<AgentCall> page;
        if (query.agentId() == null) {
            policy.checkManages(caller, caller.customerId());
            page = reads.page(query, caller.customerId());
        } else {
            policy.checkSeesCallsOf(caller, caller.customerId(), query.agentId(), () -> notFound(query.agentId()));
            page = reads.page(query, caller.isSuperAdmin() ? null : caller.customerId());
        }
        return new AgentCallPage(page, PageCursor.nextToken(page, AgentCall::tmCreate, AgentCall::id));
    }

    /** The caller gave up: every live leg is cancelled (an answered call is ended). */
    public AgentCall hangup(Caller caller, UUID id) {
        AgentCall call = reads.view(id).orElseThrow(() -> notFound(id));
        policy.checkManagesResourceOf(caller, call.customerId(), () -> notFound(id));
        perform(transitions.hangup(id));
        return view(id);
    }

    /** A verified provider event; duplicates and late events are no-ops. */
    @Override
    public void onLegEvent(String provider, LegEvent event) {
        perform(transitions.apply(provider, event));
    }

    /**
     * A leg picked up (or confirmed) and the provider asks what to do with it, as Twilio does when it
     * fetches TwiML: applies the event, then tells whether this very call (leg and provider call id) won and
     * joins the agentcall's provider-side join target (never the customer's name as given: the provider
     * account is shared by every customer), must still be confirmed by the person, or lost and is to be hung up.
     */
    @Override
    public AnswerOutcome onAnswer(String provider, LegEvent event) {
        onLegEvent(provider, event);
        AgentCall call = reads.viewOfLeg(provider, event.legId())
                .orElseThrow(() -> ApiException.notFound("LEG_NOT_FOUND", "No such leg."));
        Optional<AgentCallLeg> leg = call.legs().stream()
                .filter(l -> l.id().equals(event.legId()))
                .filter(l ->
                        event.providerCallId() == null || event.providerCallId().equals(l.providerCallId()))
                .findFirst();
        if (leg.isEmpty()) {
            return AnswerOutcome.hangup();
        }
        if (call.status() == AgentCallStatus.ANSWERED && leg.get().id().equals(call.answeredLegId())) {
            return AnswerOutcome.join(call.providerJoinTarget());
        }
        return leg.get().status() == LegStatus.CONFIRMING ? AnswerOutcome.confirm() : AnswerOutcome.hangup();
    }

    /** A request to a provider's webhook routes: the provider that legs were rung with verifies and reads it. */
    public WebhookReply onWebhook(String provider, ProviderCallback request) {
        return providers
                .get(provider)
                .orElseThrow(() -> WebhookErrors.unknownProvider(provider))
                .onWebhook(request, this);
    }

    /**
     * Ends ringing agentcalls past their deadline, answered ones past agentbin.ring.max-call-duration
     * (a lost "ended" callback must not leave the agent busy), and releases agents after wrap-up.
     * Safe to run concurrently with itself: every agentcall is changed under its own lock.
     */
    public SweepResult sweep(Instant now) {
        int timedOut = performAll(reads.overdue(now, SWEEP_BATCH), id -> transitions.timeOut(id, now));
        Instant cutoff = now.minus(maxCallDuration);
        int expired = performAll(reads.answeredBefore(cutoff, SWEEP_BATCH), id -> transitions.expire(id, cutoff, now));
        return new SweepResult(timedOut, expired, agentStatus.endWrapUps(now, SWEEP_BATCH));
    }

    /** Applies a transition to each agentcall and does what it asks; returns how many changed. */
    private int performAll(List<UUID> ids, Function<UUID, Optional<FollowUp>> transition) {
        int changed = 0;
        for (UUID id : ids) {
            try (LogContext.Scope ignored = LogContext.scope()) {
                var followUp = transition.apply(id);
                followUp.ifPresent(this::perform);
                changed += followUp.isPresent() ? 1 : 0;
            }
        }
        return changed;
    }

    /** Originates the legs due now, all at once: dispatch takes as long as the slowest leg, not the sum. */
    private void originatePending(UUID agentCallId) {
        List<AgentCallTransitions.DueLeg> due = transitions.claimOriginations(agentCallId);
        CompletableFuture.allOf(due.stream()
                        .map(leg -> CompletableFuture.runAsync(LogContext.carried(() -> originate(leg)), executor))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /**
     * Only the provider's answer is caught: a failure to record it (the database) propagates, so the
     * request is retried, and the retry does not dial the leg again (see claimOriginations).
     */
    private void originate(AgentCallTransitions.DueLeg leg) {
        Origination origination = leg.origination();
        LogContext.leg(origination.legId());
        String providerCallId;
        try {
            TelephonyProvider telephony = providers
                    .get(leg.provider())
                    .orElseThrow(
                            () -> new TelephonyException("provider " + leg.provider() + " is no longer configured"));
            providerCallId = telephony.originate(origination);
        } catch (RuntimeException e) {
            String errorClass = e instanceof TelephonyException refused ? refused.errorClass() : "internal";
            RingMetrics.originationFailed(
                    leg.provider(), errorClass, origination.legId(), origination.agentCallId(), e.getMessage());
            perform(transitions.originationFailed(origination.legId(), leg.provider(), e.getMessage()));
            return;
        }
        RingMetrics.originated(leg.provider());
        LOG.infof(
                "leg %s of agentcall %s originated by %s as %s",
                origination.legId(), origination.agentCallId(), leg.provider(), providerCallId);
        perform(transitions.originated(origination.legId(), leg.provider(), providerCallId));
    }

    private void perform(FollowUp followUp) {
        CompletableFuture.allOf(followUp.hangups().stream()
                        .map(hangup -> CompletableFuture.runAsync(LogContext.carried(() -> hangup(hangup)), executor))
                        .toArray(CompletableFuture[]::new))
                .join();
        if (followUp.originateMore()) {
            originatePending(followUp.agentCallId());
        }
    }

    /** A failed hangup is logged, not thrown: the state is already decided, and the sweeper or the provider's own timeout ends the leg. */
    private void hangup(FollowUp.Hangup hangup) {
        LogContext.leg(hangup.legId());
        try {
            providers.get(hangup.provider()).orElseThrow().hangup(hangup.providerCallId());
        } catch (RuntimeException e) {
            LOG.warnf("hangup of %s call %s failed: %s", hangup.provider(), hangup.providerCallId(), e.getMessage());
        }
    }

    private AgentCall view(UUID id) {
        return reads.view(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("AGENTCALL_NOT_FOUND", "The agentcall " + id + " does not exist.");
    }
}
