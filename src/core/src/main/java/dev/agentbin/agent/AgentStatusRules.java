package dev.agentbin.agent;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How an agent's status follows its calls, as one table of (state, event) → state, with no database
 * in sight. {@link AgentStatusOwner} is the only writer of a status and applies exactly this.
 *
 * <p>An agentcall <em>holds</em> the agent from the claim until the call is over (its wrap-up included).
 * Every ring-driven event names its agentcall and applies only while that agentcall holds the agent,
 * so a stale event (an old call's wrap-up, a late answer) never moves an agent that has moved on.
 *
 * <pre>
 * state (status, held by)      event                              next
 * any                          chosen s (API)                     s; misses 0; a wrap-up ends (hold released),
 *                                                                 a live call keeps its hold
 * available, nobody            claimed by C                       ringing, held by C
 * anything else                claimed by C                       refused (AGENT_NOT_AVAILABLE)
 * ringing, C                   C answered                         busy, held by C; misses 0
 * ringing, C                   C unanswered (a miss)              available, or away at max_no_answer misses; released
 * ringing, C                   C unanswered (caller gave up,      available; released
 *                              every origination failed)
 * busy, C                      C ended, wrap-up 0                 available; released
 * busy, C                      C ended, wrap-up w                 busy, held by C until now + w
 * busy, C in wrap-up           C's wrap-up over                   available; released
 * other status, C              C unanswered / ended               status kept (the agent chose it); released
 * held by another call/nobody  any event of C                     unchanged (stale)
 * </pre>
 */
public final class AgentStatusRules {

    private AgentStatusRules() {}

    /**
     * What the rules read and write of an agent.
     *
     * @param heldBy      the agentcall holding the agent, or null
     * @param wrapUpUntil set while the holding call is over and the agent wraps up
     */
    public record State(AgentStatus status, UUID heldBy, Instant wrapUpUntil, int missedRings) {

        static State free(AgentStatus status, int missedRings) {
            return new State(status, null, null, missedRings);
        }

        boolean heldBy(UUID call) {
            return call.equals(heldBy);
        }
    }

    /** The agent's own ring settings. */
    public record Settings(int maxNoAnswer, int wrapupSeconds) {}

    /** Something that may change an agent's status. */
    public sealed interface Event permits Chosen, Claimed, Answered, Unanswered, Ended, WrapUpOver {}

    /** The agent (or an admin or manager) set the status over the API. */
    public record Chosen(AgentStatus status) implements Event {}

    public record Claimed(UUID call) implements Event {}

    public record Answered(UUID call) implements Event {}

    /** The call ended without an answer; {@code miss} when it counts toward max_no_answer. */
    public record Unanswered(UUID call, boolean miss) implements Event {}

    /** The answered call ended at {@code at}. */
    public record Ended(UUID call, Instant at) implements Event {}

    public record WrapUpOver(UUID call) implements Event {}

    /** The next state, or empty when the event does not apply (a refused claim, a stale call's event). */
    public static Optional<State> next(State state, Event event, Settings settings) {
        if (event instanceof Chosen chosen) {
            boolean liveCall = state.heldBy() != null && state.wrapUpUntil() == null;
            return Optional.of(
                    liveCall ? new State(chosen.status(), state.heldBy(), null, 0) : State.free(chosen.status(), 0));
        }
        if (event instanceof Claimed claimed) {
            return state.status() == AgentStatus.AVAILABLE && state.heldBy() == null
                    ? Optional.of(new State(AgentStatus.RINGING, claimed.call(), null, state.missedRings()))
                    : Optional.empty();
        }
        if (event instanceof Answered answered) {
            if (!state.heldBy(answered.call()) || state.wrapUpUntil() != null) {
                return Optional.empty();
            }
            AgentStatus status = state.status() == AgentStatus.RINGING ? AgentStatus.BUSY : state.status();
            return Optional.of(new State(status, state.heldBy(), null, 0));
        }
        if (event instanceof Unanswered unanswered) {
            if (!state.heldBy(unanswered.call())) {
                return Optional.empty();
            }
            if (state.status() != AgentStatus.RINGING) {
                return Optional.of(State.free(state.status(), state.missedRings()));
            }
            return Optional.of(State.free(
                    sendsAway(state, unanswered, settings) ? AgentStatus.AWAY : AgentStatus.AVAILABLE,
                    state.missedRings() + (unanswered.miss() ? 1 : 0)));
        }
        if (event instanceof Ended ended) {
            if (!state.heldBy(ended.call()) || state.wrapUpUntil() != null) {
                return Optional.empty();
            }
            if (state.status() == AgentStatus.BUSY && settings.wrapupSeconds() > 0) {
                return Optional.of(new State(
                        AgentStatus.BUSY,
                        state.heldBy(),
                        ended.at().plusSeconds(settings.wrapupSeconds()),
                        state.missedRings()));
            }
            AgentStatus status = state.status() == AgentStatus.BUSY ? AgentStatus.AVAILABLE : state.status();
            return Optional.of(State.free(status, state.missedRings()));
        }
        WrapUpOver over = (WrapUpOver) event;
        if (!state.heldBy(over.call()) || state.wrapUpUntil() == null) {
            return Optional.empty();
        }
        AgentStatus status = state.status() == AgentStatus.BUSY ? AgentStatus.AVAILABLE : state.status();
        return Optional.of(State.free(status, state.missedRings()));
    }

    /**
     * Whether this event is the miss that reaches max_no_answer and sends the ringing agent away: the history
     * and the event name it as such (cause {@code max_no_answer}) instead of a plain miss.
     */
    static boolean sendsAway(State state, Event event, Settings settings) {
        if (!(event instanceof Unanswered unanswered)
                || !state.heldBy(unanswered.call())
                || state.status() != AgentStatus.RINGING) {
            return false;
        }
        int misses = state.missedRings() + (unanswered.miss() ? 1 : 0);
        return settings.maxNoAnswer() > 0 && misses >= settings.maxNoAnswer();
    }

    /** A live call (ringing or answered, not wrap-up) holds the agent: it may not be deleted meanwhile. */
    public static boolean inLiveCall(State state) {
        return state.heldBy() != null && state.wrapUpUntil() == null;
    }
}
