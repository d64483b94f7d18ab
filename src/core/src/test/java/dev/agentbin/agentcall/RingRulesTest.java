package dev.agentbin.agentcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.agent.AgentStatusRules;
import dev.agentbin.agent.AnswerConfirmation;
import dev.agentbin.agent.RingMethod;
import dev.agentbin.agent.StatusCauseType;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.LegEvent.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ring-all decisions as a table, with no database and no provider: an agentcall with legs in given
 * states, one provider event on one leg → the agentcall's status, every leg's status, the provider calls
 * to hang up, and the agent status event.
 */
class RingRulesTest {

    static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    /**
     * @param legs   each "status:sid" ("-" for no sid yet); the call rings unless a leg is answered
     * @param event  the event, applied to leg {@code on}, with the provider call id {@code sid} ("" = the leg's own)
     */
    record Row(
            String name,
            RingMethod method,
            AnswerConfirmation confirmation,
            String legs,
            int on,
            Kind event,
            String sid,
            String callAfter,
            String legsAfter,
            String hangups,
            Class<?> agentEvent,
            boolean originateMore) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final AnswerConfirmation NONE = AnswerConfirmation.NONE;
    static final AnswerConfirmation KEY = AnswerConfirmation.KEY;
    static final AnswerConfirmation AMD = AnswerConfirmation.MACHINE_DETECTION;

    static Stream<Arguments> table() {
        return Stream.of(
                row(
                        "first answer wins, the others are cancelled and hung up",
                        RingMethod.RINGALL,
                        NONE,
                        "ringing:s1 ringing:s2 ringing:s3",
                        1,
                        Kind.ANSWERED,
                        "",
                        "answered",
                        "canceled answered canceled",
                        "s1 s3",
                        AgentStatusRules.Answered.class,
                        false),
                row(
                        "a leg not yet placed is cancelled without a hang-up",
                        RingMethod.RINGALL,
                        NONE,
                        "originating:- ringing:s2",
                        1,
                        Kind.ANSWERED,
                        "",
                        "answered",
                        "canceled answered",
                        "",
                        AgentStatusRules.Answered.class,
                        false),
                row(
                        "a late answer on a loser is hung up",
                        RingMethod.RINGALL,
                        NONE,
                        "answered:s1 canceled:s2",
                        1,
                        Kind.ANSWERED,
                        "",
                        "answered",
                        "answered canceled",
                        "s2",
                        null,
                        false),
                row(
                        "the winner answering again changes nothing",
                        RingMethod.RINGALL,
                        NONE,
                        "answered:s1 canceled:s2",
                        0,
                        Kind.ANSWERED,
                        "",
                        "answered",
                        "answered canceled",
                        "",
                        null,
                        false),
                row(
                        "key: a pick-up waits for the key and the others ring on",
                        RingMethod.RINGALL,
                        KEY,
                        "ringing:s1 ringing:s2",
                        0,
                        Kind.ANSWERED,
                        "",
                        "ringing",
                        "confirming ringing",
                        "",
                        null,
                        false),
                row(
                        "key: the first confirmation wins",
                        RingMethod.RINGALL,
                        KEY,
                        "confirming:s1 confirming:s2",
                        1,
                        Kind.CONFIRMED,
                        "",
                        "answered",
                        "canceled answered",
                        "s1",
                        AgentStatusRules.Answered.class,
                        false),
                row(
                        "key: a pick-up that ends unconfirmed does not end the ring",
                        RingMethod.RINGALL,
                        KEY,
                        "confirming:s1 ringing:s2",
                        0,
                        Kind.ENDED,
                        "",
                        "ringing",
                        "ended ringing",
                        "",
                        null,
                        false),
                row(
                        "detection: a machine is hung up and the others ring on",
                        RingMethod.RINGALL,
                        AMD,
                        "ringing:s1 ringing:s2",
                        0,
                        Kind.MACHINE,
                        "",
                        "ringing",
                        "ended ringing",
                        "s1",
                        null,
                        false),
                row(
                        "detection: the last machine ends the ring unanswered, a miss",
                        RingMethod.RINGALL,
                        AMD,
                        "ended:s1 confirming:s2",
                        1,
                        Kind.MACHINE,
                        "",
                        "no_answer",
                        "ended ended",
                        "s2",
                        AgentStatusRules.Unanswered.class,
                        false),
                row(
                        "detection: a human wins at once",
                        RingMethod.RINGALL,
                        AMD,
                        "ringing:s1 ringing:s2",
                        1,
                        Kind.CONFIRMED,
                        "",
                        "answered",
                        "canceled answered",
                        "s1",
                        AgentStatusRules.Answered.class,
                        false),
                row(
                        "none: an answer from a machine still wins (voicemail wins without a guard)",
                        RingMethod.RINGALL,
                        NONE,
                        "ringing:s1 ringing:s2",
                        0,
                        Kind.ANSWERED,
                        "",
                        "answered",
                        "answered canceled",
                        "s2",
                        AgentStatusRules.Answered.class,
                        false),
                row(
                        "the last leg ending unanswered ends the ring",
                        RingMethod.RINGALL,
                        NONE,
                        "ended:s1 ringing:s2",
                        1,
                        Kind.ENDED,
                        "",
                        "no_answer",
                        "ended ended",
                        "",
                        AgentStatusRules.Unanswered.class,
                        false),
                row(
                        "linear moves on to the next address",
                        RingMethod.LINEAR,
                        NONE,
                        "ringing:s1 pending:-",
                        0,
                        Kind.ENDED,
                        "",
                        "ringing",
                        "ended pending",
                        "",
                        null,
                        true),
                row(
                        "a phone ringing on a leg we gave up is hung up",
                        RingMethod.RINGALL,
                        NONE,
                        "canceled:- answered:s2",
                        0,
                        Kind.RINGING,
                        "s7",
                        "answered",
                        "canceled answered",
                        "s7",
                        null,
                        false),
                row(
                        "a second provider call for one leg is hung up, the first kept",
                        RingMethod.RINGALL,
                        NONE,
                        "ringing:s1 ringing:s2",
                        0,
                        Kind.ANSWERED,
                        "s9",
                        "ringing",
                        "ringing ringing",
                        "s9",
                        null,
                        false),
                row(
                        "the winner's leg ending completes the call",
                        RingMethod.RINGALL,
                        NONE,
                        "answered:s1 canceled:s2",
                        0,
                        Kind.ENDED,
                        "",
                        "completed",
                        "completed canceled",
                        "",
                        AgentStatusRules.Ended.class,
                        false),
                row(
                        "a duplicate end is a no-op",
                        RingMethod.RINGALL,
                        NONE,
                        "ended:s1 ringing:s2",
                        0,
                        Kind.ENDED,
                        "",
                        "ringing",
                        "ended ringing",
                        "",
                        null,
                        false));
    }

    static Arguments row(
            String name,
            RingMethod method,
            AnswerConfirmation confirmation,
            String legs,
            int on,
            Kind event,
            String sid,
            String callAfter,
            String legsAfter,
            String hangups,
            Class<?> agentEvent,
            boolean originateMore) {
        return Arguments.of(new Row(
                name,
                method,
                confirmation,
                legs,
                on,
                event,
                sid,
                callAfter,
                legsAfter,
                hangups,
                agentEvent,
                originateMore));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(Row row) {
        AgentCallEntity call = call(row.method());
        List<LegEntity> legs = legs(call, row.legs(), row.confirmation());
        LegEntity leg = legs.get(row.on());
        String sid = row.sid().isEmpty() ? leg.providerCallId : row.sid();

        RingRules.Decision decision =
                new RingRules(call, legs).onEvent(leg, "sim", new LegEvent(leg.id, sid, row.event(), null, T), T);

        assertEquals(row.callAfter(), call.status.wire(), "agentcall status");
        assertEquals(
                row.legsAfter(),
                String.join(" ", legs.stream().map(l -> l.status.wire()).toList()),
                "leg statuses");
        assertEquals(
                row.hangups(),
                String.join(
                        " ",
                        decision.hangups().stream()
                                .map(FollowUp.Hangup::providerCallId)
                                .toList()),
                "hang-ups");
        assertEquals(
                row.agentEvent() == null ? List.of() : List.of(row.agentEvent()),
                decision.agentChanges().stream()
                        .map(change -> change.event().getClass())
                        .toList(),
                "agent events");
        assertEquals(row.originateMore(), decision.originateMore(), "originate more");
    }

    @Test
    void aMissCountsOnlyWhenNobodyTookTheCall() {
        AgentCallEntity failing = call(RingMethod.RINGALL);
        List<LegEntity> failingLegs = legs(failing, "failed:- originating:-", NONE);
        RingRules.Decision allFailed =
                new RingRules(failing, failingLegs).originationFailed(failingLegs.get(1), "refused", T);
        assertEquals(AgentCallStatus.FAILED, failing.status);
        assertEquals(
                List.of(new RingRules.AgentChange(
                        new AgentStatusRules.Unanswered(failing.id, false), StatusCauseType.FAILED, T)),
                allFailed.agentChanges());

        AgentCallEntity abandoned = call(RingMethod.RINGALL);
        RingRules.Decision hungUp = new RingRules(abandoned, legs(abandoned, "ringing:s1", NONE)).callerHungUp(T);
        assertEquals(AgentCallStatus.CANCELED, abandoned.status);
        assertEquals(
                List.of("s1"),
                hungUp.hangups().stream().map(FollowUp.Hangup::providerCallId).toList());
        assertEquals(
                new AgentStatusRules.Unanswered(abandoned.id, false),
                hungUp.agentChanges().get(0).event());
    }

    /** Each status event names why it happens, for the agent's status history and its event. */
    @Test
    void eachAgentChangeNamesItsCause() {
        AgentCallEntity ringing = call(RingMethod.RINGALL);
        List<LegEntity> ringingLegs = legs(ringing, "ringing:s1", NONE);
        assertEquals(
                StatusCauseType.ANSWER,
                onlyCause(new RingRules(ringing, ringingLegs)
                        .onEvent(
                                ringingLegs.get(0),
                                "sim",
                                new LegEvent(ringingLegs.get(0).id, "s1", Kind.ANSWERED, null, T),
                                T)));

        AgentCallEntity answered = call(RingMethod.RINGALL);
        List<LegEntity> answeredLegs = legs(answered, "answered:s1", NONE);
        assertEquals(
                StatusCauseType.END,
                onlyCause(new RingRules(answered, answeredLegs)
                        .onEvent(
                                answeredLegs.get(0),
                                "sim",
                                new LegEvent(answeredLegs.get(0).id, "s1", Kind.ENDED, null, T),
                                T)));
        AgentCallEntity hungUp = call(RingMethod.RINGALL);
        assertEquals(
                StatusCauseType.END,
                onlyCause(new RingRules(hungUp, legs(hungUp, "answered:s1", NONE)).callerHungUp(T)));
        AgentCallEntity expired = call(RingMethod.RINGALL);
        assertEquals(
                StatusCauseType.SWEEPER,
                onlyCause(new RingRules(expired, legs(expired, "answered:s1", NONE))
                        .expire(T, T)
                        .orElseThrow()));

        AgentCallEntity missed = call(RingMethod.RINGALL);
        List<LegEntity> missedLegs = legs(missed, "ringing:s1", NONE);
        assertEquals(
                StatusCauseType.NO_ANSWER,
                onlyCause(new RingRules(missed, missedLegs)
                        .onEvent(
                                missedLegs.get(0),
                                "sim",
                                new LegEvent(missedLegs.get(0).id, "s1", Kind.ENDED, "busy", T),
                                T)));
        AgentCallEntity canceled = call(RingMethod.RINGALL);
        assertEquals(
                StatusCauseType.CANCELED,
                onlyCause(new RingRules(canceled, legs(canceled, "ringing:s1", NONE)).callerHungUp(T)));
        AgentCallEntity timedOut = call(RingMethod.RINGALL);
        assertEquals(
                StatusCauseType.SWEEPER,
                onlyCause(new RingRules(timedOut, legs(timedOut, "ringing:s1", NONE))
                        .timeOut(timedOut.deadline.plusSeconds(1))
                        .orElseThrow()));
    }

    private static StatusCauseType onlyCause(RingRules.Decision decision) {
        assertEquals(1, decision.agentChanges().size(), decision.toString());
        return decision.agentChanges().get(0).cause();
    }

    @Test
    void theRingTimeoutWaitsForALegBeingConfirmed() {
        AgentCallEntity call = call(RingMethod.RINGALL);
        RingRules rules = new RingRules(call, legs(call, "confirming:s1 ringing:s2", KEY));
        assertTrue(rules.timeOut(call.deadline.minusSeconds(1)).isEmpty(), "not due yet");
        assertTrue(rules.timeOut(call.deadline.plusSeconds(5)).isEmpty(), "a leg is being confirmed");
        RingRules.Decision decision = rules.timeOut(
                        call.deadline.plus(RingRules.CONFIRMATION_GRACE).plusSeconds(1))
                .orElseThrow();
        assertEquals(AgentCallStatus.NO_ANSWER, call.status);
        assertEquals(
                List.of("s1", "s2"),
                decision.hangups().stream().map(FollowUp.Hangup::providerCallId).toList());
    }

    @Test
    void aLegAlreadyOriginatingIsNeverHandedOutAgain() {
        AgentCallEntity call = call(RingMethod.RINGALL);
        List<LegEntity> legs = legs(call, "originating:- pending:-", NONE);
        List<LegEntity> due = new RingRules(call, legs).claimDue(T);
        assertEquals(List.of(legs.get(1)), due);
        assertEquals(LegStatus.ORIGINATING, legs.get(1).status);
        assertTrue(new RingRules(call, legs).claimDue(T).isEmpty());
    }

    @Test
    void linearRingsEachAddressForItsOwnTime() {
        AgentCallEntity call = call(RingMethod.LINEAR);
        call.addressTimeout = 7;
        assertEquals(7, new RingRules(call, List.of()).ringSeconds(T));
        assertEquals(
                3,
                new RingRules(call, List.of()).ringSeconds(call.deadline.minusSeconds(3)),
                "never past the ring timeout");
        call.addressTimeout = null;
        assertEquals(30, new RingRules(call, List.of()).ringSeconds(T));
    }

    @Test
    void aLegGivenUpWhileBeingPlacedIsHungUpOnceItsCallIdArrives() {
        AgentCallEntity call = call(RingMethod.RINGALL);
        List<LegEntity> legs = legs(call, "canceled:- ringing:s2", NONE);
        assertEquals(
                List.of("s5"),
                new RingRules(call, legs)
                        .originated(legs.get(0), "s5").hangups().stream()
                                .map(FollowUp.Hangup::providerCallId)
                                .toList());
        assertFalse(new RingRules(call, legs)
                .originated(legs.get(1), "s2")
                .hangups()
                .iterator()
                .hasNext());
    }

    private static AgentCallEntity call(RingMethod method) {
        AgentCallEntity call = new AgentCallEntity();
        call.id = UUID.randomUUID();
        call.agentId = UUID.randomUUID();
        call.ringMethod = method;
        call.status = AgentCallStatus.RINGING;
        call.deadline = T.plusSeconds(30);
        return call;
    }

    private static List<LegEntity> legs(AgentCallEntity call, String spec, AnswerConfirmation confirmation) {
        List<LegEntity> legs = new ArrayList<>();
        for (String part : Arrays.asList(spec.split(" "))) {
            String[] statusAndSid = part.split(":");
            LegEntity leg = new LegEntity();
            leg.id = UUID.randomUUID();
            leg.agentCallId = call.id;
            leg.idx = legs.size();
            leg.provider = "sim";
            leg.confirmation = confirmation;
            leg.status = LegStatus.valueOf(statusAndSid[0].toUpperCase());
            leg.providerCallId = statusAndSid[1].equals("-") ? null : statusAndSid[1];
            if (leg.status == LegStatus.ANSWERED) {
                call.status = AgentCallStatus.ANSWERED;
                call.answeredLegId = leg.id;
                call.tmAnswer = T.minusSeconds(1);
            }
            legs.add(leg);
        }
        return legs;
    }
}
