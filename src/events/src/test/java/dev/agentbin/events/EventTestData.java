package dev.agentbin.events;

import dev.agentbin.access.Caller;
import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.agent.Agent;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.CreateAgentRequest;
import dev.agentbin.event.WebhookSettingsRequest;
import dev.agentbin.event.WebhookSettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A customer with a webhook, agents created through the agent service, and the outbox as stored. */
@ApplicationScoped
public class EventTestData {

    /** A fresh customer, its admin's view as a superadmin caller, and its webhook's signing secret. */
    public record Customer(UUID id, Caller admin, String secret) {}

    /** One outbox row as stored. */
    public record Row(UUID id, long seq, String type, String body, boolean queued) {}

    private final AgentService agents;
    private final WebhookSettingsService webhooks;
    private final EntityManager em;

    public EventTestData(AgentService agents, WebhookSettingsService webhooks, EntityManager em) {
        this.agents = agents;
        this.webhooks = webhooks;
        this.em = em;
    }

    public Customer customerWithWebhook(String url) {
        UUID customerId = UUID.randomUUID();
        Caller superadmin = new Caller(UUID.randomUUID(), customerId, Permission.PROJECT_SUPER_ADMIN, 0);
        String secret = webhooks.put(superadmin, customerId, new WebhookSettingsRequest(url, "POST"))
                .signingSecret();
        return new Customer(customerId, superadmin, secret);
    }

    /** An agent created through the agent service (so agent_created is recorded), with simulated addresses. */
    public Agent agent(Customer customer, String... simulatorDirectives) {
        List<Address> addresses = java.util.Arrays.stream(simulatorDirectives)
                .map(directive -> new Address(
                        AddressType.TEL,
                        "+1555"
                                + String.format(
                                        "%07d", ThreadLocalRandom.current().nextInt(10_000_000)),
                        null,
                        null,
                        directive,
                        null))
                .toList();
        return agents.create(
                customer.admin(),
                new CreateAgentRequest(
                        customer.id(),
                        "agent-" + UUID.randomUUID() + "@example.com",
                        "a-long-password",
                        "Jane",
                        "",
                        null,
                        0,
                        3,
                        null,
                        Permission.CUSTOMER_AGENT,
                        List.of(),
                        addresses));
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Row> outboxOf(UUID agentId) {
        List<Object[]> rows = em.createNativeQuery("select id, seq, type, body, tm_queued is not null from event_outbox"
                        + " where agent_id = :agent order by seq")
                .setParameter("agent", agentId)
                .getResultList();
        return rows.stream()
                .map(r ->
                        new Row((UUID) r[0], ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (Boolean) r[4]))
                .toList();
    }

    /** As if the relay that queued this event died before its commit: the next relay sends it again. */
    @Transactional
    public void forgetQueued(UUID eventId) {
        em.createNativeQuery("update event_outbox set tm_queued = null where id = :id")
                .setParameter("id", eventId)
                .executeUpdate();
    }
}
