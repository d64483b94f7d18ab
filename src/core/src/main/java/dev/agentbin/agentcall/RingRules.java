package dev.agentbin.agentcall;

import dev.agentbin.agent.AgentStatusRules;
import dev.agentbin.agent.AnswerConfirmation;
import dev.agentbin.agent.RingMethod;
import dev.agentbin.agent.StatusCauseType;
import dev.agentbin.telephony.LegEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ring-all decisions for one agentcall: given the agentcall, its legs and what happened, they move
 * the rows forward in memory and say what must follow (hang-ups, more originations, the agent's status
 * events). No database and no provider here: {@link AgentCallTransitions} locks and loads the rows
 * around them, and the changes are saved with its transaction.
 *
 * <p>Everything only moves forward, so a duplicate or out-of-order event is a no-op; while the agentcall
 * rings, the first leg to answer (or to confirm, with answer confirmation) wins and every other live
 * leg is cancelled.
 */
final class RingRules {

    static final String COMPLETED_ELSEWHERE = "completed elsewhere";
    static final String MAX_DURATION = "max call duration";
    static final String MACHINE_ANSWERED = "answered by a machine";
    static final String NOT_CONFIRMED = "answered but not confirmed";
    /** A leg confirming when the ring timeout passes gets this long to finish (a prompt, a key press). */
    static final Duration CONFIRMATION_GRACE = Duration.ofSeconds(15);

    private final AgentCallEntity call;
    private final List<LegEntity> legs;

    RingRules(AgentCallEntity call, List<LegEntity> legs) {
        this.call = call;
        this.legs = legs;
    }

    /** What a decision asks for once its changes are committed. */
    record Decision(List<FollowUp.Hangup> hangups, boolean originateMore, List<AgentChange> agentChanges) {

        static Decision none() {
            return new Decision(List.of(), false, List.of());
        }

        static Decision hangUp(List<FollowUp.Hangup> hangups) {
            return new Decision(hangups, false, List.of());
        }

        Decision and(Decision next) {
            List<FollowUp.Hangup> allHangups = new ArrayList<>(hangups);
            allHangups.addAll(next.hangups);
            List<AgentChange> allChanges = new ArrayList<>(agentChanges);
            allChanges.addAll(next.agentChanges);
            return new Decision(allHangups, originateMore || next.originateMore, allChanges);
        }
    }

    /** A status event for the agent the agentcall holds (see {@link AgentStatusRules}), and why it happens. */
    record AgentChange(AgentStatusRules.Event event, StatusCauseType cause, Instant at) {}

    /** A provider event about {@code leg}, reported by {@code provider}. */
    Decision onEvent(LegEntity leg, String provider, LegEvent event, Instant at) {
        if (leg.providerCallId == null && event.providerCallId() != null) {
            leg.providerCallId = event.providerCallId();
        } else if (event.providerCallId() != null && !event.providerCallId().equals(leg.providerCallId)) {
            // A second provider call for one leg (a retried create that had gone through): it never rings on.
            return event.kind() == LegEvent.Kind.ENDED
                    ? Decision.none()
                    : Decision.hangUp(List.of(new FollowUp.Hangup(leg.id, provider, event.providerCallId())));
        }
        return switch (event.kind()) {
            case INITIATED -> Decision.none();
            case RINGING -> ringing(leg, at);
            case ANSWERED -> leg.confirmation == AnswerConfirmation.NONE ? win(leg, at) : pickedUp(leg, at);
            case CONFIRMED -> confirmed(leg, at);
            case MACHINE -> machine(leg, at);
            case ENDED -> ended(leg, event.detail(), at);
        };
    }

    /**
     * The legs to ring now, marked originating: every pending leg for ringall, the next one for linear
     * when none is live. A leg already originating is never handed out again (docs/ring-all.md: nothing
     * is lost, nothing rings twice).
     */
    List<LegEntity> claimDue(Instant now) {
        if (call.status != AgentCallStatus.RINGING) {
            return List.of();
        }
        List<LegEntity> pending =
                legs.stream().filter(leg -> leg.status == LegStatus.PENDING).toList();
        boolean oneRinging = legs.stream().anyMatch(leg -> leg.status.isLive() && leg.status != LegStatus.PENDING);
        List<LegEntity> due = call.ringMethod == RingMethod.RINGALL
                ? pending
                : oneRinging || pending.isEmpty() ? List.of() : List.of(pending.get(0));
        for (LegEntity leg : due) {
            leg.status = LegStatus.ORIGINATING;
            leg.tmOriginate = now;
        }
        return due;
    }

    /** How long a leg originated now may ring: what is left of ring_timeout (rounded up), at most address_timeout. */
    int ringSeconds(Instant now) {
        int secondsLeft =
                (int) Math.max(1, (Duration.between(now, call.deadline).toMillis() + 999) / 1000);
        return call.addressTimeout == null ? secondsLeft : Math.min(secondsLeft, call.addressTimeout);
    }

    /**
     * The provider accepted the leg. If the leg was given up while the provider was being asked (another
     * leg won, the caller gave up), nobody could hang it up then: it is hung up now.
     */
    Decision originated(LegEntity leg, String providerCallId) {
        if (leg.providerCallId == null) {
            leg.providerCallId = providerCallId;
        }
        return leg.status.isGivenUp() ? Decision.hangUp(hangupOf(leg)) : Decision.none();
    }

    /** The provider refused the leg: it fails, and the agentcall ends when it was the last live one. */
    Decision originationFailed(LegEntity leg, String reason, Instant at) {
        if (!leg.status.isLive()) {
            return Decision.none();
        }
        end(leg, LegStatus.FAILED, reason, at);
        return afterUnansweredLeg(at);
    }

    /** The caller gave up: every live leg is cancelled; an answered call is ended. */
    Decision callerHungUp(Instant at) {
        if (call.status == AgentCallStatus.RINGING) {
            return finishUnanswered(AgentCallStatus.CANCELED, "caller hung up", false, StatusCauseType.CANCELED, at);
        }
        if (call.status == AgentCallStatus.ANSWERED) {
            return endAnswered("caller hung up", StatusCauseType.END, at);
        }
        return Decision.none();
    }

    /** A ringing agentcall past its deadline ends as no_answer (a confirming leg gets a grace period). */
    Optional<Decision> timeOut(Instant now) {
        if (call.status != AgentCallStatus.RINGING || !call.deadline.isBefore(now)) {
            return Optional.empty();
        }
        if (legs.stream().anyMatch(leg -> leg.status == LegStatus.CONFIRMING)
                && now.isBefore(call.deadline.plus(CONFIRMATION_GRACE))) {
            return Optional.empty();
        }
        return Optional.of(
                finishUnanswered(AgentCallStatus.NO_ANSWER, "ring timeout", true, StatusCauseType.SWEEPER, now));
    }

    /** An answered agentcall that outlived the maximum call duration is ended (its "ended" event was lost). */
    Optional<Decision> expire(Instant cutoff, Instant now) {
        if (call.status != AgentCallStatus.ANSWERED || !call.tmAnswer.isBefore(cutoff)) {
            return Optional.empty();
        }
        return Optional.of(endAnswered(MAX_DURATION, StatusCauseType.SWEEPER, now));
    }

    private Decision ringing(LegEntity leg, Instant at) {
        if (leg.status == LegStatus.PENDING || leg.status == LegStatus.ORIGINATING) {
            leg.status = LegStatus.RINGING;
            leg.tmRinging = at;
        }
        // A phone ringing on a leg we already gave up (cancelled before its call id was known): stop it.
        return leg.status.isGivenUp() ? Decision.hangUp(hangupOf(leg)) : Decision.none();
    }

    /** A leg that must be confirmed picked up: it waits (the others ring on) until a person confirms. */
    private Decision pickedUp(LegEntity leg, Instant at) {
        if (call.status != AgentCallStatus.RINGING || !leg.status.isLive()) {
            return late(leg, at);
        }
        if (leg.status != LegStatus.CONFIRMING) {
            leg.status = LegStatus.CONFIRMING;
            leg.tmAnswer = at;
        }
        return Decision.none();
    }

    /** A person confirmed (a key, or detection said human): the leg competes like a plain answer. */
    private Decision confirmed(LegEntity leg, Instant at) {
        if (leg.confirmation != AnswerConfirmation.NONE && leg.tmConfirm == null && leg.status.isLive()) {
            leg.tmConfirm = at;
        }
        return win(leg, at);
    }

    /** Detection found a machine: the leg ends like one nobody answered, and the others ring on. */
    private Decision machine(LegEntity leg, Instant at) {
        if (!leg.status.isLive()) {
            return Decision.none();
        }
        List<FollowUp.Hangup> hangups = hangupOf(leg);
        end(leg, LegStatus.ENDED, MACHINE_ANSWERED, at);
        return Decision.hangUp(hangups).and(afterUnansweredLeg(at));
    }

    /** The first answer wins; every other live leg is cancelled ("completed elsewhere") and hung up. */
    private Decision win(LegEntity leg, Instant at) {
        if (leg.id.equals(call.answeredLegId)) {
            return Decision.none();
        }
        if (call.status != AgentCallStatus.RINGING || !leg.status.isLive()) {
            return late(leg, at);
        }
        leg.status = LegStatus.ANSWERED;
        if (leg.tmAnswer == null) {
            leg.tmAnswer = at;
        }
        call.status = AgentCallStatus.ANSWERED;
        call.answeredLegId = leg.id;
        call.tmAnswer = at;
        List<FollowUp.Hangup> hangups = new ArrayList<>();
        for (LegEntity other : legs) {
            if (other != leg && other.status.isLive()) {
                hangups.addAll(hangupOf(other));
                end(other, LegStatus.CANCELED, COMPLETED_ELSEWHERE, at);
            }
        }
        return new Decision(
                hangups,
                false,
                List.of(new AgentChange(new AgentStatusRules.Answered(call.id), StatusCauseType.ANSWER, at)));
    }

    /** A late answer on a losing or already-ended leg: nobody may stay connected there. */
    private Decision late(LegEntity leg, Instant at) {
        List<FollowUp.Hangup> hangups = hangupOf(leg);
        if (leg.status.isLive()) {
            end(leg, LegStatus.CANCELED, COMPLETED_ELSEWHERE, at);
        }
        return Decision.hangUp(hangups);
    }

    private Decision ended(LegEntity leg, String detail, Instant at) {
        if (leg.status == LegStatus.ANSWERED) {
            end(leg, LegStatus.COMPLETED, orDefault(detail, "completed"), at);
            return call.status == AgentCallStatus.ANSWERED
                    ? complete("agent leg ended", StatusCauseType.END, at)
                    : Decision.none();
        }
        if (!leg.status.isLive()) {
            return Decision.none();
        }
        end(leg, LegStatus.ENDED, leg.status == LegStatus.CONFIRMING ? NOT_CONFIRMED : orDefault(detail, "ended"), at);
        return afterUnansweredLeg(at);
    }

    /** After a leg ended unanswered: linear moves on; when no leg is left, the agentcall ends. */
    private Decision afterUnansweredLeg(Instant at) {
        if (call.status != AgentCallStatus.RINGING
                || legs.stream().anyMatch(l -> l.status.isLive() && l.status != LegStatus.PENDING)) {
            return Decision.none();
        }
        if (legs.stream().anyMatch(l -> l.status == LegStatus.PENDING)) {
            return new Decision(List.of(), true, List.of());
        }
        boolean allFailed = legs.stream().allMatch(l -> l.status == LegStatus.FAILED);
        return allFailed
                ? finishUnanswered(
                        AgentCallStatus.FAILED, "every origination failed", false, StatusCauseType.FAILED, at)
                : finishUnanswered(AgentCallStatus.NO_ANSWER, "no leg answered", true, StatusCauseType.NO_ANSWER, at);
    }

    private Decision finishUnanswered(
            AgentCallStatus status, String reason, boolean countsAsMiss, StatusCauseType cause, Instant at) {
        List<FollowUp.Hangup> hangups = new ArrayList<>();
        for (LegEntity leg : legs) {
            if (leg.status.isLive()) {
                hangups.addAll(hangupOf(leg));
                end(leg, LegStatus.CANCELED, reason, at);
            }
        }
        call.status = status;
        call.endReason = reason;
        call.tmEnd = at;
        return new Decision(
                hangups,
                false,
                List.of(new AgentChange(new AgentStatusRules.Unanswered(call.id, countsAsMiss), cause, at)));
    }

    private Decision endAnswered(String reason, StatusCauseType cause, Instant at) {
        LegEntity winner = leg(call.answeredLegId);
        List<FollowUp.Hangup> hangups = hangupOf(winner);
        end(winner, LegStatus.COMPLETED, reason, at);
        return Decision.hangUp(hangups).and(complete(reason, cause, at));
    }

    /** The answered call is over: the agent wraps up (or is free at once). */
    private Decision complete(String reason, StatusCauseType cause, Instant at) {
        call.status = AgentCallStatus.COMPLETED;
        call.endReason = reason;
        call.tmEnd = at;
        return new Decision(
                List.of(), false, List.of(new AgentChange(new AgentStatusRules.Ended(call.id, at), cause, at)));
    }

    private static void end(LegEntity leg, LegStatus status, String reason, Instant at) {
        leg.status = status;
        leg.endReason = reason;
        leg.tmEnd = at;
    }

    private static List<FollowUp.Hangup> hangupOf(LegEntity leg) {
        return leg.providerCallId == null
                ? List.of()
                : List.of(new FollowUp.Hangup(leg.id, leg.provider, leg.providerCallId));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    LegEntity leg(UUID legId) {
        return legs.stream().filter(l -> l.id.equals(legId)).findFirst().orElseThrow();
    }
}
