package dev.agentbin.agentcall;

import dev.agentbin.agent.Address;
import dev.agentbin.agent.AgentStatusOwner;
import dev.agentbin.agent.AnswerConfirmation;
import dev.agentbin.agent.AgentStatusRules;
import dev.agentbin.agent.RingMethod;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import dev.agentbin.common.UniqueViolation;
import dev.agentbin.event.EventOutbox;
import dev.agentbin.event.EventType;
import dev.agentbin.telephony.Destination;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.Origination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every state change of agentcalls and their legs, each in one transaction that first locks the
 * agentcall row. Changes only move forward, so a duplicate or late provider event is a no-op, and
 * the first answer wins by a conditional update. What the providers must then do is returned as a
 * {@link FollowUp} and done after commit.
 */
@ApplicationScoped
class AgentCallTransitions {

    static final String COMPLETED_ELSEWHERE = "completed elsewhere";
    static final String MAX_DURATION = "max call duration";
    static final String MACHINE_ANSWERED = "answered by a machine";
    static final String NOT_CONFIRMED = "answered but not confirmed";
    /** A leg confirming when the ring timeout passes gets this long to finish (a prompt, a key press). */
    static final Duration CONFIRMATION_GRACE = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(AgentCallTransitions.class);
    private static final String ONE_LIVE_CALL_CONSTRAINT = "agent_calls_one_live_per_agent";

    private final AgentCallRepository calls;
    private final LegRepository legs;
    private final AgentStatusOwner agentStatus;
    private final EventOutbox events;

    AgentCallTransitions(AgentCallRepository calls, LegRepository legs, AgentStatusOwner agentStatus, EventOutbox events) {
        this.calls = calls;
        this.legs = legs;
        this.agentStatus = agentStatus;
        this.events = events;
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
                throw new ApiException(ErrorStatus.UNPROCESSABLE, "IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was used for a different request; use a new key for a new ring.");
            }
            return existing.get().id;
        }
        Instant now = now();
        UUID callId = UUID.randomUUID();
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
        call.addressTimeout = agent.ringMethod() == RingMethod.LINEAR ? request.addressTimeoutFor(agent.addresses().size()) : null;
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
            if (UniqueViolation.constraintName(e).filter(ONE_LIVE_CALL_CONSTRAINT::equals).isPresent()) {
                throw ApiException.failedPrecondition("AGENT_NOT_AVAILABLE", "The agent is already in a live agentcall.");
            }
            throw e;
        }
        events.record(EventType.AGENTCALL_CREATED, call.customerId, call.agentId, AgentCall.of(call, legs.ofCall(call.id)));
        return call.id;
    }

    /**
     * Marks the legs to ring now as originating and returns them: every pending leg for ringall, the
     * next one for linear when none is live. A leg already originating is never handed out again, even
     * when the instance that took it died before it stored the provider's call id: dialling it again
     * could ring a phone twice. If the provider did place it, its callbacks (which carry our leg id)
     * adopt it; if not, the ring timeout ends it.
     */
    @Transactional
    List<DueLeg> claimOriginations(UUID agentCallId) {
        AgentCallEntity call = calls.lock(agentCallId).orElseThrow();
        if (call.status != AgentCallStatus.RINGING) {
            return List.of();
        }
        List<LegEntity> all = legs.ofCall(agentCallId);
        List<LegEntity> pending = all.stream().filter(leg -> leg.status == LegStatus.PENDING).toList();
        List<LegEntity> next = call.ringMethod == RingMethod.RINGALL ? pending
                : all.stream().anyMatch(leg -> leg.status.isLive() && leg.status != LegStatus.PENDING) || pending.isEmpty()
                        ? List.of() : List.of(pending.get(0));
        Instant now = now();
        // Rounded up: a leg originated right away rings for the whole ring_timeout.
        int secondsLeft = (int) Math.max(1, (Duration.between(now, call.deadline).toMillis() + 999) / 1000);
        int ringFor = call.addressTimeout == null ? secondsLeft : Math.min(secondsLeft, call.addressTimeout);
        List<DueLeg> due = new ArrayList<>();
        for (LegEntity leg : next) {
            leg.status = LegStatus.ORIGINATING;
            leg.tmOriginate = now;
            due.add(new DueLeg(leg.provider, new Origination(leg.id, call.id, call.source,
                    new Destination(leg.addressType, leg.target, leg.addressDetail), ringFor, leg.confirmation)));
        }
        return due;
    }

    /** A leg to originate now, with the provider it was stored with (not whatever is the default today). */
    record DueLeg(String provider, Origination origination) {
    }

    /**
     * The provider accepted the leg. If the leg was cancelled while the provider was being asked (another
     * leg won, the caller gave up), nobody could hang it up then: it is hung up now.
     */
    @Transactional
    FollowUp originated(UUID legId, String provider, String providerCallId) {
        AgentCallEntity call = calls.lock(legs.callOf(legId, provider).orElseThrow()).orElseThrow();
        LegEntity leg = find(legs.ofCall(call.id), legId);
        if (leg.providerCallId == null) {
            leg.providerCallId = providerCallId;
        }
        return new FollowUp(call.id, leg.status.isGivenUp() ? hangupOf(leg) : List.of(), false);
    }

    /** The provider refused the leg: it fails, and the agentcall ends when it was the last live one. */
    @Transactional
    FollowUp originationFailed(UUID legId, String provider, String reason) {
        AgentCallEntity call = calls.lock(legs.callOf(legId, provider).orElseThrow()).orElseThrow();
        List<LegEntity> all = legs.ofCall(call.id);
        LegEntity leg = find(all, legId);
        if (!leg.status.isLive()) {
            return FollowUp.none(call.id);
        }
        end(leg, LegStatus.FAILED, reason, now());
        return afterUnansweredLeg(call, all);
    }

    /** Applies one provider event. Unknown legs and events for another provider are ignored. */
    @Transactional
    FollowUp apply(String provider, LegEvent event) {
        Optional<UUID> callId = legs.callOf(event.legId(), provider);
        if (callId.isEmpty()) {
            LOG.warnf("ignoring %s event for unknown leg %s", provider, event.legId());
            return FollowUp.none(null);
        }
        AgentCallEntity call = calls.lock(callId.get()).orElseThrow();
        List<LegEntity> all = legs.ofCall(call.id);
        LegEntity leg = find(all, event.legId());
        if (leg.providerCallId == null && event.providerCallId() != null) {
            leg.providerCallId = event.providerCallId();
        } else if (event.providerCallId() != null && !event.providerCallId().equals(leg.providerCallId)) {
            // A second provider call for one leg (a retried create that had gone through): it never rings on.
            LOG.warnf("%s call %s is a duplicate of %s for leg %s: hanging it up", provider, event.providerCallId(),
                    leg.providerCallId, leg.id);
            return new FollowUp(call.id, event.kind() == LegEvent.Kind.ENDED ? List.of()
                    : List.of(new FollowUp.Hangup(provider, event.providerCallId())), false);
        }
        Instant at = event.occurredAt() == null ? now() : event.occurredAt();
        return switch (event.kind()) {
            case INITIATED -> FollowUp.none(call.id);
            case RINGING -> ringing(call, leg, at);
            case ANSWERED -> leg.confirmation == AnswerConfirmation.NONE ? win(call, all, leg, at) : pickedUp(call, leg, at);
            case CONFIRMED -> confirmed(call, all, leg, at);
            case MACHINE -> machine(call, all, leg, at);
            case ENDED -> ended(call, all, leg, event.detail(), at);
        };
    }

    /** The caller gave up: every live leg is cancelled; an answered call is ended. */
    @Transactional
    FollowUp hangup(UUID agentCallId) {
        AgentCallEntity call = calls.lock(agentCallId).orElseThrow();
        List<LegEntity> all = legs.ofCall(call.id);
        Instant now = now();
        if (call.status == AgentCallStatus.RINGING) {
            return finishUnanswered(call, all, AgentCallStatus.CANCELED, "caller hung up", false, now);
        }
        if (call.status == AgentCallStatus.ANSWERED) {
            LegEntity winner = find(all, call.answeredLegId);
            List<FollowUp.Hangup> hangups = hangupOf(winner);
            end(winner, LegStatus.COMPLETED, "caller hung up", now);
            complete(call, "caller hung up", now);
            return new FollowUp(call.id, hangups, false);
        }
        return FollowUp.none(call.id);
    }

    /** Ends one overdue ringing agentcall as no_answer (the sweeper holds its row lock). */
    @Transactional
    Optional<FollowUp> timeOut(UUID agentCallId, Instant now) {
        AgentCallEntity call = calls.lock(agentCallId).orElseThrow();
        if (call.status != AgentCallStatus.RINGING || !call.deadline.isBefore(now)) {
            return Optional.empty();
        }
        List<LegEntity> all = legs.ofCall(call.id);
        if (all.stream().anyMatch(leg -> leg.status == LegStatus.CONFIRMING) && now.isBefore(call.deadline.plus(CONFIRMATION_GRACE))) {
            return Optional.empty();
        }
        return Optional.of(finishUnanswered(call, all, AgentCallStatus.NO_ANSWER, "ring timeout", true, now));
    }

    /** Ends one answered agentcall that outlived the maximum call duration, hanging up its leg. */
    @Transactional
    Optional<FollowUp> expire(UUID agentCallId, Instant cutoff, Instant now) {
        AgentCallEntity call = calls.lock(agentCallId).orElseThrow();
        if (call.status != AgentCallStatus.ANSWERED || !call.tmAnswer.isBefore(cutoff)) {
            return Optional.empty();
        }
        LegEntity winner = find(legs.ofCall(call.id), call.answeredLegId);
        List<FollowUp.Hangup> hangups = hangupOf(winner);
        end(winner, LegStatus.COMPLETED, MAX_DURATION, now);
        complete(call, MAX_DURATION, now);
        return Optional.of(new FollowUp(call.id, hangups, false));
    }

    @Transactional
    List<UUID> overdue(Instant now, int limit) {
        return calls.overdueIds(now, limit);
    }

    @Transactional
    List<UUID> answeredBefore(Instant cutoff, int limit) {
        return calls.answeredBefore(cutoff, limit);
    }

    @Transactional
    Optional<AgentCall> viewOfLeg(String provider, UUID legId) {
        return legs.callOf(legId, provider).flatMap(this::view);
    }

    @Transactional
    Optional<AgentCall> view(UUID agentCallId) {
        return calls.findByIdOptional(agentCallId).map(call -> AgentCall.of(call, legs.ofCall(call.id)));
    }

    private FollowUp ringing(AgentCallEntity call, LegEntity leg, Instant at) {
        if (leg.status == LegStatus.PENDING || leg.status == LegStatus.ORIGINATING) {
            leg.status = LegStatus.RINGING;
            leg.tmRinging = at;
        }
        // A phone ringing on a leg we already gave up (cancelled before its call id was known): stop it.
        if (leg.status.isGivenUp()) {
            return new FollowUp(call.id, hangupOf(leg), false);
        }
        return FollowUp.none(call.id);
    }

    /** A leg that must be confirmed picked up: it waits (the others ring on) until a person confirms. */
    private FollowUp pickedUp(AgentCallEntity call, LegEntity leg, Instant at) {
        if (call.status != AgentCallStatus.RINGING || !leg.status.isLive()) {
            return late(call, leg, at);
        }
        if (leg.status != LegStatus.CONFIRMING) {
            leg.status = LegStatus.CONFIRMING;
            leg.tmAnswer = at;
        }
        return FollowUp.none(call.id);
    }

    /** A person confirmed (a key, or detection said human): the leg competes like a plain answer. */
    private FollowUp confirmed(AgentCallEntity call, List<LegEntity> all, LegEntity leg, Instant at) {
        if (leg.confirmation != AnswerConfirmation.NONE && leg.tmConfirm == null && leg.status.isLive()) {
            leg.tmConfirm = at;
        }
        return win(call, all, leg, at);
    }

    /** Detection found a machine: the leg ends like one nobody answered, and the others ring on. */
    private FollowUp machine(AgentCallEntity call, List<LegEntity> all, LegEntity leg, Instant at) {
        if (!leg.status.isLive()) {
            return FollowUp.none(call.id);
        }
        List<FollowUp.Hangup> hangups = hangupOf(leg);
        end(leg, LegStatus.ENDED, MACHINE_ANSWERED, at);
        FollowUp next = afterUnansweredLeg(call, all);
        return new FollowUp(call.id, concat(hangups, next.hangups()), next.originateMore());
    }

    /** First answer wins: by the agentcall row lock, exactly one leg gets here while the call rings. */
    private FollowUp win(AgentCallEntity call, List<LegEntity> all, LegEntity leg, Instant at) {
        if (leg.id.equals(call.answeredLegId)) {
            return FollowUp.none(call.id);
        }
        if (call.status != AgentCallStatus.RINGING || !leg.status.isLive()) {
            return late(call, leg, at);
        }
        leg.status = LegStatus.ANSWERED;
        if (leg.tmAnswer == null) {
            leg.tmAnswer = at;
        }
        call.status = AgentCallStatus.ANSWERED;
        call.answeredLegId = leg.id;
        call.tmAnswer = at;
        agentStatus.apply(call.agentId, new AgentStatusRules.Answered(call.id), at);
        List<FollowUp.Hangup> hangups = new ArrayList<>();
        for (LegEntity other : all) {
            if (other != leg && other.status.isLive()) {
                hangups.addAll(hangupOf(other));
                end(other, LegStatus.CANCELED, COMPLETED_ELSEWHERE, at);
            }
        }
        events.record(EventType.AGENTCALL_ANSWERED, call.customerId, call.agentId, AgentCall.of(call, all));
        return new FollowUp(call.id, hangups, false);
    }

    /** A late answer on a losing or already-ended leg: nobody may stay connected there. */
    private FollowUp late(AgentCallEntity call, LegEntity leg, Instant at) {
        List<FollowUp.Hangup> hangups = hangupOf(leg);
        if (leg.status.isLive()) {
            end(leg, LegStatus.CANCELED, COMPLETED_ELSEWHERE, at);
        }
        return new FollowUp(call.id, hangups, false);
    }

    private FollowUp ended(AgentCallEntity call, List<LegEntity> all, LegEntity leg, String detail, Instant at) {
        if (leg.status == LegStatus.ANSWERED) {
            end(leg, LegStatus.COMPLETED, orDefault(detail, "completed"), at);
            if (call.status == AgentCallStatus.ANSWERED) {
                complete(call, "agent leg ended", at);
            }
            return FollowUp.none(call.id);
        }
        if (!leg.status.isLive()) {
            return FollowUp.none(call.id);
        }
        end(leg, LegStatus.ENDED, leg.status == LegStatus.CONFIRMING ? NOT_CONFIRMED : orDefault(detail, "ended"), at);
        return afterUnansweredLeg(call, all);
    }

    /** After a leg ended unanswered: linear moves on; when no leg is left, the agentcall ends. */
    private FollowUp afterUnansweredLeg(AgentCallEntity call, List<LegEntity> all) {
        if (call.status != AgentCallStatus.RINGING) {
            return FollowUp.none(call.id);
        }
        if (all.stream().anyMatch(l -> l.status.isLive() && l.status != LegStatus.PENDING)) {
            return FollowUp.none(call.id);
        }
        if (all.stream().anyMatch(l -> l.status == LegStatus.PENDING)) {
            return new FollowUp(call.id, List.of(), true);
        }
        boolean allFailed = all.stream().allMatch(l -> l.status == LegStatus.FAILED);
        return finishUnanswered(call, all, allFailed ? AgentCallStatus.FAILED : AgentCallStatus.NO_ANSWER,
                allFailed ? "every origination failed" : "no leg answered", true, now());
    }

    private FollowUp finishUnanswered(AgentCallEntity call, List<LegEntity> all, AgentCallStatus status, String reason,
            boolean countsAsMiss, Instant at) {
        List<FollowUp.Hangup> hangups = new ArrayList<>();
        for (LegEntity leg : all) {
            if (leg.status.isLive()) {
                hangups.addAll(hangupOf(leg));
                end(leg, LegStatus.CANCELED, reason, at);
            }
        }
        call.status = status;
        call.endReason = reason;
        call.tmEnd = at;
        agentStatus.apply(call.agentId, new AgentStatusRules.Unanswered(call.id, countsAsMiss && status != AgentCallStatus.FAILED), at);
        events.record(EventType.AGENTCALL_ENDED, call.customerId, call.agentId, AgentCall.of(call, all));
        return new FollowUp(call.id, hangups, false);
    }

    /** The answered call is over: the agent is free now, or once its wrap-up time has passed. */
    private void complete(AgentCallEntity call, String reason, Instant at) {
        call.status = AgentCallStatus.COMPLETED;
        call.endReason = reason;
        call.tmEnd = at;
        agentStatus.apply(call.agentId, new AgentStatusRules.Ended(call.id, at), at);
        events.record(EventType.AGENTCALL_ENDED, call.customerId, call.agentId, AgentCall.of(call, legs.ofCall(call.id)));
    }

    private static List<FollowUp.Hangup> concat(List<FollowUp.Hangup> a, List<FollowUp.Hangup> b) {
        List<FollowUp.Hangup> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static LegEntity find(List<LegEntity> all, UUID legId) {
        return all.stream().filter(l -> l.id.equals(legId)).findFirst().orElseThrow();
    }

    private static void end(LegEntity leg, LegStatus status, String reason, Instant at) {
        leg.status = status;
        leg.endReason = reason;
        leg.tmEnd = at;
    }

    private static List<FollowUp.Hangup> hangupOf(LegEntity leg) {
        return leg.providerCallId == null ? List.of() : List.of(new FollowUp.Hangup(leg.provider, leg.providerCallId));
    }

    private static LegEntity newLeg(AgentCallEntity call, int idx, Address address, AnswerConfirmation confirmation,
            String provider, Instant now) {
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

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
