package dev.agentbin.agentcall;

import static dev.agentbin.common.Text.orEmpty;

import dev.agentbin.agent.Address;
import dev.agentbin.agent.AgentStatusOwner;
import dev.agentbin.agent.AnswerConfirmation;
import dev.agentbin.agent.RingMethod;
import dev.agentbin.agent.StatusCause;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.DbTime;
import dev.agentbin.common.ErrorStatus;
import dev.agentbin.common.UniqueViolation;
import dev.agentbin.observe.LogContext;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.Origination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The transactional shell around {@link RingRules}: each change runs in one transaction that first locks
 * the agentcall row (so events for one call apply one after another, and the first answer wins), loads
 * its legs, lets the rules decide, hands the agent's status events to the agent feature, and returns
 * what the providers must then do as a {@link FollowUp}, done after commit.
 */
@ApplicationScoped
class AgentCallTransitions {

    private static final Logger LOG = Logger.getLogger(AgentCallTransitions.class);
    private static final String ONE_LIVE_CALL_CONSTRAINT = "agent_calls_one_live_per_agent";

    private final AgentCallRepository calls;
    private final LegRepository legs;
    private final AgentStatusOwner agentStatus;
    private final AgentCallEvents events;
    private final RingMetrics metrics;
    private final AgentCallRollups rollups;
    private final Clock clock;

    AgentCallTransitions(
            AgentCallRepository calls,
            LegRepository legs,
            AgentStatusOwner agentStatus,
            AgentCallEvents events,
            RingMetrics metrics,
            AgentCallRollups rollups,
            Clock clock) {
        this.calls = calls;
        this.legs = legs;
        this.agentStatus = agentStatus;
        this.events = events;
        this.metrics = metrics;
        this.rollups = rollups;
        this.clock = clock;
    }

    /**
     * Claims the agent and stores the agentcall with one pending leg per address; a dispatch key seen
     * before returns the stored agentcall instead, so a redelivered request resumes it. The same key
     * with a different request is refused: it would silently drop the second ring.
     */
    @Transactional
    UUID start(RingRequest request, String dispatchKey, String provider) {
        Optional<AgentCallEntity> existing = calls.findByDispatchKey(dispatchKey);
        if (existing.isPresent()) {
            String firstUse = existing.get().requestHash;
            if (firstUse != null && !firstUse.equals(request.fingerprint())) {
                throw new ApiException(
                        ErrorStatus.UNPROCESSABLE,
                        "IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was used for a different request; use a new key for a new ring.");
            }
            LogContext.agentCall(existing.get().customerId, existing.get().agentId, existing.get().id);
            return existing.get().id;
        }
        Instant now = DbTime.now(clock);
        UUID callId = UUID.randomUUID();
        // The agentcall's id only once it exists: a refused ring's lines name the agent, not an id nobody will find.
        LogContext.agentCall(request.customerId(), request.agentId(), null);
        AgentStatusOwner.RingableAgent agent = agentStatus.claim(request.agentId(), request.customerId(), callId, now);
        AgentCallEntity call = new AgentCallEntity();
        call.id = callId;
        call.customerId = agent.customerId();
        call.agentId = agent.id();
        call.dispatchKey = dispatchKey;
        call.requestHash = request.fingerprint();
        call.source = request.source();
        call.referenceId = orEmpty(request.referenceId());
        call.joinTarget = orEmpty(request.joinTarget());
        call.ringMethod = agent.ringMethod();
        call.status = AgentCallStatus.RINGING;
        call.ringTimeout = request.ringTimeoutOrDefault();
        call.addressTimeout = agent.ringMethod() == RingMethod.LINEAR
                ? request.addressTimeoutFor(agent.addresses().size())
                : null;
        call.deadline = now.plusSeconds(call.ringTimeout);
        call.tmCreate = now;
        calls.persist(call);
        for (int i = 0; i < agent.addresses().size(); i++) {
            Address address = agent.addresses().get(i);
            legs.persist(newLeg(call, i, address, address.confirmationOr(agent.answerConfirmation()), provider, now));
        }
        try {
            calls.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.constraintName(e)
                    .filter(ONE_LIVE_CALL_CONSTRAINT::equals)
                    .isPresent()) {
                throw ApiException.failedPrecondition(
                        "AGENT_NOT_AVAILABLE", "The agent is already in a live agentcall.");
            }
            throw e;
        }
        LogContext.agentCall(call.customerId, call.agentId, call.id);
        events.created(call);
        rollups.started(call);
        return call.id;
    }

    /**
     * Marks the legs to ring now as originating and returns them (see {@link RingRules#claimDue}).
     * Legs left originating by an instance that died are not among them: the provider's callbacks
     * adopt such a leg if it was placed, the ring timeout ends it if not.
     */
    @Transactional
    List<DueLeg> claimOriginations(UUID agentCallId) {
        AgentCallEntity call = calls.lock(agentCallId).orElseThrow();
        RingRules rules = new RingRules(call, legs.ofCall(agentCallId));
        Instant now = DbTime.now(clock);
        int ringFor = rules.ringSeconds(now);
        return rules.claimDue(now).stream()
                .map(leg -> new DueLeg(leg.provider, Originations.of(call, leg, ringFor)))
                .toList();
    }

    /** A leg to originate now, with the provider it was stored with (not whatever is the default today). */
    record DueLeg(String provider, Origination origination) {}

    /** The provider accepted the leg (a leg given up meanwhile is hung up). */
    @Transactional
    FollowUp originated(UUID legId, String provider, String providerCallId) {
        return onLeg(legId, provider, (rules, leg) -> rules.originated(leg, providerCallId))
                .orElseThrow();
    }

    /** The provider refused the leg. */
    @Transactional
    FollowUp originationFailed(UUID legId, String provider, String reason) {
        return onLeg(legId, provider, (rules, leg) -> rules.originationFailed(leg, reason, DbTime.now(clock)))
                .orElseThrow();
    }

    /** Applies one provider event. Unknown legs and events for another provider are ignored. */
    @Transactional
    FollowUp apply(String provider, LegEvent event) {
        Instant at = event.occurredAt() == null ? DbTime.now(clock) : event.occurredAt();
        return onLeg(event.legId(), provider, (rules, leg) -> rules.onEvent(leg, provider, event, at))
                .orElseGet(() -> {
                    LOG.warnf("ignoring %s event for unknown leg %s", provider, event.legId());
                    return FollowUp.none(null);
                });
    }

    /** The caller gave up: every live leg is cancelled; an answered call is ended. */
    @Transactional
    FollowUp hangup(UUID agentCallId) {
        return onCall(agentCallId, rules -> Optional.of(rules.callerHungUp(DbTime.now(clock))))
                .orElseThrow();
    }

    /** Ends one overdue ringing agentcall as no_answer. */
    @Transactional
    Optional<FollowUp> timeOut(UUID agentCallId, Instant now) {
        return onCall(agentCallId, rules -> rules.timeOut(now));
    }

    /** Ends one answered agentcall that outlived the maximum call duration, hanging up its leg. */
    @Transactional
    Optional<FollowUp> expire(UUID agentCallId, Instant cutoff, Instant now) {
        return onCall(agentCallId, rules -> rules.expire(cutoff, now));
    }

    private Optional<FollowUp> onLeg(
            UUID legId, String provider, BiFunction<RingRules, LegEntity, RingRules.Decision> decide) {
        LogContext.leg(legId);
        return legs.callOf(legId, provider)
                .flatMap(callId -> onCall(callId, rules -> Optional.of(decide.apply(rules, rules.leg(legId)))));
    }

    /** Locks the agentcall, loads its legs, decides, and hands the agent's status events on in the same transaction. */
    private Optional<FollowUp> onCall(UUID agentCallId, Function<RingRules, Optional<RingRules.Decision>> decide) {
        AgentCallEntity call = calls.lock(agentCallId).orElseThrow();
        LogContext.agentCall(call.customerId, call.agentId, call.id);
        AgentCallStatus before = call.status;
        List<LegEntity> callLegs = legs.ofCall(call.id);
        RingMetrics.Snapshot legsBefore = RingMetrics.Snapshot.of(callLegs);
        return decide.apply(new RingRules(call, callLegs)).map(decision -> {
            decision.agentChanges()
                    .forEach(change -> agentStatus.apply(
                            call.agentId, change.event(), StatusCause.ofCall(change.cause(), call.id), change.at()));
            events.changed(before, call);
            rollups.changed(before, call);
            metrics.changed(before, legsBefore, call, callLegs);
            return new FollowUp(call.id, decision.hangups(), decision.originateMore());
        });
    }

    private static LegEntity newLeg(
            AgentCallEntity call,
            int idx,
            Address address,
            AnswerConfirmation confirmation,
            String provider,
            Instant now) {
        LegEntity leg = new LegEntity();
        leg.id = UUID.randomUUID();
        leg.agentCallId = call.id;
        leg.idx = idx;
        leg.provider = provider;
        leg.addressType = address.type();
        leg.target = address.target();
        leg.addressDetail = address.detail();
        leg.confirmation = confirmation;
        leg.status = LegStatus.PENDING;
        leg.tmCreate = now;
        return leg;
    }
}
