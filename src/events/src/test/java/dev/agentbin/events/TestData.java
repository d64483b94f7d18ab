package dev.agentbin.events;

import dev.agentbin.agent.AddressEntity;
import dev.agentbin.agent.AddressType;
import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agentcall.AgentCallEntity;
import dev.agentbin.agentcall.AgentCallRepository;
import dev.agentbin.agentcall.LegEntity;
import dev.agentbin.agentcall.LegRepository;
import dev.agentbin.agentcall.LegStatus;
import dev.agentbin.testing.SeededAgents;
import dev.agentbin.testing.SweepWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Seeds agents straight into the database and reads agentcalls back, each in its own transaction. */
@ApplicationScoped
public class TestData {

    private final AgentRepository agents;
    private final AgentCallRepository calls;
    private final LegRepository legs;

    public TestData(AgentRepository agents, AgentCallRepository calls, LegRepository legs) {
        this.agents = agents;
        this.calls = calls;
        this.legs = legs;
    }

    /**
     * An agent of a fresh customer with one tel address per simulator directive (the address's detail,
     * e.g. "sim:no-answer"; see SimulatedBehaviour), in that order.
     */
    @Transactional
    public AgentEntity agent(AgentStatus status, String... simulatorDirectives) {
        AgentEntity agent = SeededAgents.agent(UUID.randomUUID(), "agent-" + UUID.randomUUID() + "@example.com", 16);
        agent.status = status;
        agents.persist(agent);
        for (int i = 0; i < simulatorDirectives.length; i++) {
            AddressEntity address = new AddressEntity();
            address.id = UUID.randomUUID();
            address.agentId = agent.id;
            address.customerId = agent.customerId;
            address.type = AddressType.TEL;
            address.target =
                    "+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
            address.targetName = "";
            address.name = "address " + i;
            address.detail = simulatorDirectives[i];
            address.idx = i;
            address.tmCreate = agent.tmCreate;
            address.persist();
        }
        return agent;
    }

    @Transactional
    public AgentStatus statusOf(UUID agentId) {
        return agents.findById(agentId).status;
    }

    @Transactional
    public List<AgentCallEntity> callsOf(UUID agentId) {
        return calls.list("agentId", agentId);
    }

    @Transactional
    public List<LegEntity> legsOf(UUID agentCallId) {
        return legs.ofCall(agentCallId);
    }

    /** Moves the agent and its agentcalls into the window its test sweeps (see SweepWindow). */
    @Transactional
    public void moveInto(SweepWindow window, UUID agentId) {
        window.moveIn(agents.getEntityManager(), agentId);
    }

    /** As if a dispatcher had claimed the leg for origination and died before the provider answered. */
    @Transactional
    public void markOriginating(UUID legId) {
        legs.update("status = ?1 where id = ?2", LegStatus.ORIGINATING, legId);
    }

    @Transactional
    public void setWrapup(UUID agentId, int seconds) {
        agents.update("wrapupSeconds = ?1 where id = ?2", seconds, agentId);
    }

    /** {@code count} status changes of the agent, the newest at {@code newest} and each other a second before the next. */
    @Transactional
    public void addStatusChanges(AgentEntity agent, Instant newest, int count) {
        agents.getEntityManager()
                .createNativeQuery(
                        "insert into agent_status_changes (id, customer_id, agent_id, previous_status, status, "
                                + "cause_type, tm_create) select gen_random_uuid(), ?1, ?2, 'offline', 'available', 'agent', "
                                + "cast(?3 as timestamptz) - make_interval(secs => n) from generate_series(0, ?4 - 1) n")
                .setParameter(1, agent.customerId)
                .setParameter(2, agent.id)
                .setParameter(3, newest)
                .setParameter(4, count)
                .executeUpdate();
    }

    /** When the agent's status changes that are kept were made, oldest first. */
    @Transactional
    public List<Instant> statusChangeTimes(UUID agentId) {
        return agents.getEntityManager()
                .createNativeQuery(
                        "select tm_create from agent_status_changes where agent_id = ?1 order by tm_create",
                        Instant.class)
                .setParameter(1, agentId)
                .getResultList();
    }
}
