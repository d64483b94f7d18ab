package dev.agentbin.agent;

import static dev.agentbin.agent.AgentStatus.AVAILABLE;
import static dev.agentbin.agent.AgentStatus.AWAY;
import static dev.agentbin.agent.AgentStatus.BUSY;
import static dev.agentbin.agent.AgentStatus.OFFLINE;
import static dev.agentbin.agent.AgentStatus.RINGING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentbin.agent.AgentStatusRules.Answered;
import dev.agentbin.agent.AgentStatusRules.Chosen;
import dev.agentbin.agent.AgentStatusRules.Claimed;
import dev.agentbin.agent.AgentStatusRules.Ended;
import dev.agentbin.agent.AgentStatusRules.Event;
import dev.agentbin.agent.AgentStatusRules.Settings;
import dev.agentbin.agent.AgentStatusRules.State;
import dev.agentbin.agent.AgentStatusRules.Unanswered;
import dev.agentbin.agent.AgentStatusRules.WrapUpOver;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The status table, row by row, without a database: (state, event) → next state or "does not apply". */
class AgentStatusRulesTest {

    static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    static final UUID OLD = UUID.fromString("00000000-0000-4000-8000-0000000000d0");
    static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant WRAP = T.plusSeconds(30);
    static final Settings MAX2_WRAP0 = new Settings(2, 0);
    static final Settings MAX2_WRAP30 = new Settings(2, 30);

    static State st(AgentStatus status, UUID heldBy, Instant wrapUpUntil, int misses) {
        return new State(status, heldBy, wrapUpUntil, misses);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // chosen: always applies, resets misses; a wrap-up ends, a live call keeps its hold
                row(
                        "chosen from free",
                        st(AWAY, null, null, 2),
                        new Chosen(AVAILABLE),
                        MAX2_WRAP0,
                        st(AVAILABLE, null, null, 0)),
                row(
                        "chosen during wrap-up",
                        st(BUSY, C, WRAP, 1),
                        new Chosen(AVAILABLE),
                        MAX2_WRAP30,
                        st(AVAILABLE, null, null, 0)),
                row(
                        "chosen while ringing",
                        st(RINGING, C, null, 1),
                        new Chosen(AWAY),
                        MAX2_WRAP0,
                        st(AWAY, C, null, 0)),
                row(
                        "chosen while talking",
                        st(BUSY, C, null, 0),
                        new Chosen(OFFLINE),
                        MAX2_WRAP0,
                        st(OFFLINE, C, null, 0)),
                // claim
                row(
                        "claim available",
                        st(AVAILABLE, null, null, 1),
                        new Claimed(C),
                        MAX2_WRAP0,
                        st(RINGING, C, null, 1)),
                row("claim away", st(AWAY, null, null, 0), new Claimed(C), MAX2_WRAP0, null),
                row("claim busy", st(BUSY, null, null, 0), new Claimed(C), MAX2_WRAP0, null),
                row("claim available but held", st(AVAILABLE, OLD, null, 0), new Claimed(C), MAX2_WRAP0, null),
                row("claim in wrap-up", st(BUSY, OLD, WRAP, 0), new Claimed(C), MAX2_WRAP0, null),
                // answered
                row("answered", st(RINGING, C, null, 1), new Answered(C), MAX2_WRAP0, st(BUSY, C, null, 0)),
                row(
                        "answered after the agent chose away",
                        st(AWAY, C, null, 0),
                        new Answered(C),
                        MAX2_WRAP0,
                        st(AWAY, C, null, 0)),
                row("answer of another call", st(RINGING, C, null, 0), new Answered(OLD), MAX2_WRAP0, null),
                row("answer when free", st(AVAILABLE, null, null, 0), new Answered(C), MAX2_WRAP0, null),
                // unanswered
                row(
                        "first miss",
                        st(RINGING, C, null, 0),
                        new Unanswered(C, true),
                        MAX2_WRAP0,
                        st(AVAILABLE, null, null, 1)),
                row(
                        "miss reaching max",
                        st(RINGING, C, null, 1),
                        new Unanswered(C, true),
                        MAX2_WRAP0,
                        st(AWAY, null, null, 2)),
                row(
                        "max 0 never away",
                        st(RINGING, C, null, 9),
                        new Unanswered(C, true),
                        new Settings(0, 0),
                        st(AVAILABLE, null, null, 10)),
                row(
                        "caller gave up: no miss",
                        st(RINGING, C, null, 1),
                        new Unanswered(C, false),
                        MAX2_WRAP0,
                        st(AVAILABLE, null, null, 1)),
                row(
                        "unanswered after the agent chose offline",
                        st(OFFLINE, C, null, 0),
                        new Unanswered(C, true),
                        MAX2_WRAP0,
                        st(OFFLINE, null, null, 0)),
                row("stale unanswered", st(RINGING, C, null, 0), new Unanswered(OLD, true), MAX2_WRAP0, null),
                // ended
                row(
                        "ended without wrap-up",
                        st(BUSY, C, null, 0),
                        new Ended(C, T),
                        MAX2_WRAP0,
                        st(AVAILABLE, null, null, 0)),
                row("ended into wrap-up", st(BUSY, C, null, 0), new Ended(C, T), MAX2_WRAP30, st(BUSY, C, WRAP, 0)),
                row(
                        "ended after the agent chose away",
                        st(AWAY, C, null, 0),
                        new Ended(C, T),
                        MAX2_WRAP30,
                        st(AWAY, null, null, 0)),
                row("ended of an old call", st(BUSY, C, null, 0), new Ended(OLD, T), MAX2_WRAP30, null),
                row("ended twice", st(BUSY, C, WRAP, 0), new Ended(C, T.plusSeconds(5)), MAX2_WRAP30, null),
                // wrap-up over
                row("wrap-up over", st(BUSY, C, WRAP, 0), new WrapUpOver(C), MAX2_WRAP30, st(AVAILABLE, null, null, 0)),
                row(
                        "old call's wrap-up, agent busy on a new call",
                        st(BUSY, C, null, 0),
                        new WrapUpOver(OLD),
                        MAX2_WRAP30,
                        null),
                row("wrap-up over before the call ended", st(BUSY, C, null, 0), new WrapUpOver(C), MAX2_WRAP30, null));
    }

    static Arguments row(String name, State state, Event event, Settings settings, State next) {
        return Arguments.of(name, state, event, settings, next);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void followsTheTable(String name, State state, Event event, Settings settings, State expected) {
        assertEquals(Optional.ofNullable(expected), AgentStatusRules.next(state, event, settings));
    }

    /** The cause max_no_answer names exactly the rows where a miss sends a ringing agent away, and no other. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void sendsAwayOnlyWhereTheTableSendsARingingAgentAway(
            String name, State state, Event event, Settings settings, State expected) {
        boolean awayByMisses = event instanceof Unanswered
                && state.status() == RINGING
                && expected != null
                && expected.status() == AWAY;
        assertEquals(awayByMisses, AgentStatusRules.sendsAway(state, event, settings));
    }

    /** The sequences of issue 7, replayed through the rules alone. */
    @Test
    void anOldCallsWrapUpNeverFreesAnAgentBusyOnANewerCall() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        State s = st(AVAILABLE, null, null, 0);
        s = apply(s, new Claimed(first), MAX2_WRAP30);
        s = apply(s, new Answered(first), MAX2_WRAP30);
        s = apply(s, new Ended(first, T), MAX2_WRAP30);
        s = apply(s, new Chosen(AVAILABLE), MAX2_WRAP30);
        s = apply(s, new Claimed(second), MAX2_WRAP30);
        s = apply(s, new Answered(second), MAX2_WRAP30);
        assertEquals(Optional.empty(), AgentStatusRules.next(s, new WrapUpOver(first), MAX2_WRAP30));
        s = apply(s, new Ended(second, T.plusSeconds(60)), MAX2_WRAP30);
        assertEquals(st(BUSY, second, T.plusSeconds(90), 0), s, "the newer call gets a wrap-up of its own");
    }

    @Test
    void returningFromAwayStartsTheMissCountAfresh() {
        State s = st(AVAILABLE, null, null, 0);
        for (int i = 0; i < 2; i++) {
            UUID call = UUID.randomUUID();
            s = apply(s, new Claimed(call), MAX2_WRAP0);
            s = apply(s, new Unanswered(call, true), MAX2_WRAP0);
        }
        assertEquals(AWAY, s.status());
        s = apply(s, new Chosen(AVAILABLE), MAX2_WRAP0);
        UUID call = UUID.randomUUID();
        s = apply(s, new Claimed(call), MAX2_WRAP0);
        s = apply(s, new Unanswered(call, true), MAX2_WRAP0);
        assertEquals(st(AVAILABLE, null, null, 1), s);
    }

    @Test
    void onlyALiveCallKeepsAnAgentFromBeingDeleted() {
        assertEquals(true, AgentStatusRules.inLiveCall(st(RINGING, C, null, 0)));
        assertEquals(true, AgentStatusRules.inLiveCall(st(AWAY, C, null, 0)));
        assertEquals(false, AgentStatusRules.inLiveCall(st(BUSY, C, WRAP, 0)));
        assertEquals(false, AgentStatusRules.inLiveCall(st(AVAILABLE, null, null, 0)));
    }

    private static State apply(State state, Event event, Settings settings) {
        return AgentStatusRules.next(state, event, settings)
                .orElseThrow(() -> new AssertionError(event + " refused in " + state));
    }
}
