package dev.agentbin.agentcall;

import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressRepository;
import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agent.RingMethod;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.UniqueViolation;
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
    private static final Logger LOG = Logger.getLogger(AgentCallTransitions.class);
    private static final String ONE_LIVE_CALL_CONSTRAINT = "agent_calls_one_live_per_agent";

    private final AgentCallRepository calls;
    private final LegRepository legs;
    private final AgentRepository agents;
    private final AddressRepository addresses;
    private final AgentRingStatus agentStatus;

    AgentCallTransitions(AgentCallRepository calls, LegRepository legs, AgentRepository agents, AddressRepository addresses,
            AgentRingStatus agentStatus) {
        this.calls = calls;
        this.legs = legs;
        this.agents = agents;
        this.addresses = addresses;
        this.agentStatus = agentStatus;
    }

    /**
     * Claims the agent and stores the agentcall with one pending leg per address; a dispatch key seen
     * before returns the stored agentcall instead, so a redelivered request resumes it.
     */
    @Transactional
    UUID start(RingRequest request, String dispatchKey, String provider) {
        Optional<AgentCallEntity> existing = calls.findByDispatchKey(dispatchKey);
        if (existing.isPresent()) {
            return existing.get().id;
        }
        AgentEntity agent = agents.findLive(request.agentId())
                .filter(a -> a.customerId.equals(request.customerId()))
                .orElseThrow(() -> ApiException.notFound("AGENT_NOT_FOUND", "The agent " + request.agentId() + " does not exist."));
        List<Address> agentAddresses = addresses.byAgent(agent.id);
        if (agentAddresses.isEmpty()) {
            throw ApiException.failedPrecondition("AGENT_HAS_NO_ADDRESSES", "The agent has no address to ring.");
        }
        Instant now = now();
        if (!agentStatus.claim(agent.id, agent.customerId, now)) {
            throw notAvailable(agent.status);
        }
        AgentCallEntity call = new AgentCallEntity();
        call.id = UUID.randomUUID();
        call.customerId = agent.customerId;
        call.agentId = agent.id;
        call.dispatchKey = dispatchKey;
        call.source = request.source();
        call.referenceId = orEmpty(request.referenceId());
        call.joinTarget = orEmpty(request.joinTarget());
        call.ringMethod = agent.ringMethod;
        call.status = AgentCallStatus.RINGING;
        call.ringTimeout = request.ringTimeoutOrDefault();
        call.deadline = now.plusSeconds(call.ringTimeout);
        call.tmCreate = now;
        calls.persist(call);
        for (int i = 0; i < agentAddresses.size(); i++) {
            legs.persist(newLeg(call, i, agentAddresses.get(i), provider, now));
        }
        try {
            calls.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.constraintName(e).filter(ONE_LIVE_CALL_CONSTRAINT::equals).isPresent()) {
                throw notAvailable(AgentStatus.RINGING);
            }
            throw e;
        }
        return call.id;
    }

    /**
     * Marks the legs to ring now as originating and returns them: every pending leg for ringall, the
     * next one for linear when none is live. Legs left originating by an instance that died before it
     * recorded the provider's answer are handed out again.
     */
    @Transactional
    List<DueLeg> claimOriginations(UUID agentCallId) {
        AgentCallEntity call = calls.lock(agentCallId).orElseThrow();
        if (call.status != AgentCallStatus.RINGING) {
            return List.of();
        }
        List<LegEntity> all = legs.ofCall(agentCallId);
        List<LegEntity> next = new ArrayList<>(all.stream()
                .filter(leg -> leg.status == LegStatus.ORIGINATING && leg.providerCallId == null)
                .toList());
        List<LegEntity> pending = all.stream().filter(leg -> leg.status == LegStatus.PENDING).toList();
        if (call.ringMethod == RingMethod.RINGALL) {
            next.addAll(pending);
        } else if (next.isEmpty() && all.stream().noneMatch(leg -> leg.status.isLive() && leg.status != LegStatus.PENDING)
                && !pending.isEmpty()) {
            next.add(pending.get(0));
        }
        Instant now = now();
        // Rounded up: a leg originated right away rings for the whole ring_timeout.
        int secondsLeft = (int) Math.max(1, (Duration.between(now, call.deadline).toMillis() + 999) / 1000);
        List<DueLeg> due = new ArrayList<>();
        for (LegEntity leg : next) {
            leg.status = LegStatus.ORIGINATING;
            leg.tmOriginate = now;
            due.add(new DueLeg(leg.provider, new Origination(leg.id, call.id, call.source,
                    new Address(leg.addressType, leg.target, null, null, leg.addressDetail), secondsLeft)));
        }
        return due;
    }

    /** A leg to originate now, with the provider it was stored with (not whatever is the default today). */
    record DueLeg(String provider, Origination origination) {
    }

    /** The provider accepted the leg. */
    @Transactional
    void originated(UUID legId, String providerCallId) {
        legs.update("providerCallId = ?1 where id = ?2 and providerCallId is null", providerCallId, legId);
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
        }
        Instant at = event.occurredAt() == null ? now() : event.occurredAt();
        return switch (event.kind()) {
            case INITIATED -> FollowUp.none(call.id);
            case RINGING -> ringing(call, leg, at);
            case ANSWERED -> answered(call, all, leg, at);
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
        return Optional.of(finishUnanswered(call, legs.ofCall(call.id), AgentCallStatus.NO_ANSWER, "ring timeout", true, now));
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

    /** Releases agents whose wrap-up time after a call is over. */
    @Transactional
    int releaseWrapUps(Instant now, int limit) {
        List<AgentCallEntity> due = calls.wrapUpsDue(now, limit);
        for (AgentCallEntity call : due) {
            agentStatus.release(call.agentId, now);
            call.wrapupUntil = null;
        }
        return due.size();
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
        return FollowUp.none(call.id);
    }

    private FollowUp answered(AgentCallEntity call, List<LegEntity> all, LegEntity leg, Instant at) {
        if (leg.id.equals(call.answeredLegId)) {
            return FollowUp.none(call.id);
        }
        if (call.status != AgentCallStatus.RINGING || !leg.status.isLive()) {
            // A late answer on a losing or already-ended leg: nobody may stay connected there.
            List<FollowUp.Hangup> hangups = hangupOf(leg);
            if (leg.status.isLive()) {
                end(leg, LegStatus.CANCELED, COMPLETED_ELSEWHERE, at);
            }
            return new FollowUp(call.id, hangups, false);
        }
        leg.status = LegStatus.ANSWERED;
        leg.tmAnswer = at;
        call.status = AgentCallStatus.ANSWERED;
        call.answeredLegId = leg.id;
        call.tmAnswer = at;
        agentStatus.answered(call.agentId, at);
        List<FollowUp.Hangup> hangups = new ArrayList<>();
        for (LegEntity other : all) {
            if (other != leg && other.status.isLive()) {
                hangups.addAll(hangupOf(other));
                end(other, LegStatus.CANCELED, COMPLETED_ELSEWHERE, at);
            }
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
        end(leg, LegStatus.ENDED, orDefault(detail, "ended"), at);
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
        agentStatus.unanswered(call.agentId, countsAsMiss && status != AgentCallStatus.FAILED, at);
        return new FollowUp(call.id, hangups, false);
    }

    /** The answered call is over: the agent is free now, or once its wrap-up time has passed. */
    private void complete(AgentCallEntity call, String reason, Instant at) {
        call.status = AgentCallStatus.COMPLETED;
        call.endReason = reason;
        call.tmEnd = at;
        int wrapup = agentStatus.wrapupSeconds(call.agentId);
        if (wrapup == 0) {
            agentStatus.release(call.agentId, at);
        } else {
            call.wrapupUntil = at.plusSeconds(wrapup);
        }
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

    private static LegEntity newLeg(AgentCallEntity call, int idx, Address address, String provider, Instant now) {
        LegEntity leg = new LegEntity();
        leg.id = UUID.randomUUID();
        leg.agentCallId = call.id;
        leg.idx = idx;
        leg.provider = provider;
        leg.addressType = address.type();
        leg.target = address.target();
        leg.addressDetail = address.detail();
        leg.status = LegStatus.PENDING;
        leg.tmCreate = now;
        return leg;
    }

    private static ApiException notAvailable(AgentStatus status) {
        return ApiException.failedPrecondition("AGENT_NOT_AVAILABLE",
                "The agent is " + status.wire() + ": only an available agent can be rung.");
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
