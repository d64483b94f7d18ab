package dev.agentbin.agent;

import dev.agentbin.access.Caller;
import dev.agentbin.agent.AgentStatusRules.Event;
import dev.agentbin.agent.AgentStatusRules.State;
import dev.agentbin.event.EventOutbox;
import dev.agentbin.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one writer of agents' status: the agent's own choice over the API, ring-all's claim, answer,
 * end, wrap-up and no-answer. Each change locks the agent row, applies {@link AgentStatusRules} and
 * writes the result, so concurrent writers queue up and every one of them sees the latest state. Every
 * writer names the change's {@link StatusCause}, which the status history and the event carry.
 * Ring-all calls it inside its own transaction, with the agentcall row already locked (agentcall
 * first, then agent: one lock order everywhere).
 */
@ApplicationScoped
public class AgentStatusOwner {

    private final AgentRepository agents;
    private final AddressRepository addresses;
    private final EventOutbox events;
    private final StatusHistory history;
    private final AgentStatusTime statusTime;

    public AgentStatusOwner(
            AgentRepository agents,
            AddressRepository addresses,
            EventOutbox events,
            StatusHistory history,
            AgentStatusTime statusTime) {
        this.agents = agents;
        this.addresses = addresses;
        this.events = events;
        this.history = history;
        this.statusTime = statusTime;
    }

    /** An agent claimed for a ring: what the ring needs to know of it. */
    public record RingableAgent(
            UUID id,
            UUID customerId,
            RingMethod ringMethod,
            AnswerConfirmation answerConfirmation,
            List<Address> addresses) {}

    /**
     * available → ringing, held by {@code call}. Of two concurrent claims, the second waits for the
     * first's row lock and then finds the agent taken.
     *
     * @throws dev.agentbin.common.ApiException 404 AGENT_NOT_FOUND (also for another customer's agent),
     *         409 AGENT_HAS_NO_ADDRESSES or AGENT_NOT_AVAILABLE
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RingableAgent claim(UUID agentId, UUID customerId, UUID call, Instant now) {
        AgentEntity agent = agents.lockLive(agentId)
                .filter(a -> a.customerId.equals(customerId))
                .orElseThrow(() -> AgentErrors.notFound(agentId));
        List<Address> ringTo = addresses.byAgent(agent.id);
        if (ringTo.isEmpty()) {
            throw AgentErrors.noAddresses();
        }
        if (!applyTo(agent, new AgentStatusRules.Claimed(call), StatusCause.ofCall(StatusCauseType.CLAIM, call), now)) {
            throw AgentErrors.notAvailable(agent.status);
        }
        return new RingableAgent(agent.id, agent.customerId, agent.ringMethod, agent.answerConfirmation, ringTo);
    }

    /** The status the agent (or an admin, manager or access key: the caller) chose, on a row the caller has locked. */
    void choose(AgentEntity lockedAgent, AgentStatus status, Caller caller, Instant now) {
        applyTo(lockedAgent, new AgentStatusRules.Chosen(status), StatusCause.chosenBy(caller, lockedAgent.id), now);
    }

    /** The ring-driven events, each with its cause; each applies only while its agentcall holds the agent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID agentId, Event event, StatusCause cause, Instant now) {
        agents.lockLive(agentId).ifPresent(agent -> applyTo(agent, event, cause, now));
    }

    /** Frees agents whose wrap-up is over, skipping rows another sweeper holds; returns how many. */
    @Transactional
    public int endWrapUps(Instant now, int limit) {
        List<AgentEntity> due = agents.wrapUpsDue(now, limit);
        due.forEach(agent -> applyTo(
                agent,
                new AgentStatusRules.WrapUpOver(agent.statusCallId),
                StatusCause.ofCall(StatusCauseType.WRAPUP_OVER, agent.statusCallId),
                now));
        return due.size();
    }

    /** Whether a live call holds the agent (it may not be deleted meanwhile). */
    static boolean inLiveCall(AgentEntity agent) {
        return AgentStatusRules.inLiveCall(stateOf(agent));
    }

    /** Applies the rules and, when the event applies, writes the new state, its history row and its event. */
    private boolean applyTo(AgentEntity agent, Event event, StatusCause cause, Instant now) {
        State before = stateOf(agent);
        AgentStatusRules.Settings settings = new AgentStatusRules.Settings(agent.maxNoAnswer, agent.wrapupSeconds);
        Optional<State> next = AgentStatusRules.next(before, event, settings);
        StatusCause why =
                AgentStatusRules.sendsAway(before, event, settings) ? cause.as(StatusCauseType.MAX_NO_ANSWER) : cause;
        next.ifPresent(state -> {
            statusTime.moving(agent, state, now);
            if (state.status() != agent.status) {
                agent.tmUpdate = now;
            }
            agent.status = state.status();
            agent.statusCallId = state.heldBy();
            agent.wrapupUntil = state.wrapUpUntil();
            agent.missedRings = state.missedRings();
            history.record(agent, before.status(), why);
            events.record(
                    EventType.AGENT_STATUS_UPDATED,
                    agent.customerId,
                    agent.id,
                    AgentMapper.toAgent(agent, addresses.byAgent(agent.id)),
                    why);
        });
        return next.isPresent();
    }

    private static State stateOf(AgentEntity agent) {
        return new State(agent.status, agent.statusCallId, agent.wrapupUntil, agent.missedRings);
    }
}
