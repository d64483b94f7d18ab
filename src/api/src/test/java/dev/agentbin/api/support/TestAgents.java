package dev.agentbin.api.support;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressRepository;
import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agent.AnswerConfirmation;
import dev.agentbin.agent.RingMethod;
import dev.agentbin.testing.SeededAgents;
import dev.agentbin.testing.SweepWindow;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Seeds agents straight into the database (a superadmin cannot be created through the API) and logs
 * them in through the real login route.
 */
@ApplicationScoped
public class TestAgents {

    /** What every seeded agent logs in with. */
    public static final String PASSWORD = SeededAgents.PASSWORD;

    private final AgentRepository agents;
    private final AddressRepository addresses;

    public TestAgents(AgentRepository agents, AddressRepository addresses) {
        this.agents = agents;
        this.addresses = addresses;
    }

    /** A seeded agent and a token for it. */
    public record Seeded(UUID id, UUID customerId, String username, String token) {}

    public Seeded seed(UUID customerId, long permission) {
        return seed(customerId, permission, "agent-" + UUID.randomUUID() + "@example.com");
    }

    public Seeded seed(UUID customerId, long permission, String username) {
        UUID id = insert(customerId, username, permission);
        return new Seeded(id, customerId, username, login(username, PASSWORD));
    }

    /** Many plain agents of one customer, without logging any in. */
    @Transactional
    public void seedMany(UUID customerId, int count) {
        for (int i = 0; i < count; i++) {
            insert(customerId, "many-" + UUID.randomUUID() + "@example.com", Permission.CUSTOMER_AGENT);
        }
    }

    @Transactional
    UUID insert(UUID customerId, String username, long permission) {
        AgentEntity agent = SeededAgents.agent(customerId, username, permission);
        agents.persist(agent);
        return agent.id;
    }

    /** An available agent with these addresses, ready to be rung. */
    public UUID seedRingable(UUID customerId, List<Address> addresses, int wrapupSeconds, int maxNoAnswer) {
        UUID id = insert(customerId, "ringable-" + UUID.randomUUID() + "@example.com", Permission.CUSTOMER_AGENT);
        configureForRinging(id, addresses, wrapupSeconds, maxNoAnswer);
        return id;
    }

    @Transactional
    void configureForRinging(UUID id, List<Address> addressList, int wrapupSeconds, int maxNoAnswer) {
        AgentEntity agent = agents.findById(id);
        agent.status = AgentStatus.AVAILABLE;
        agent.wrapupSeconds = wrapupSeconds;
        agent.maxNoAnswer = maxNoAnswer;
        addresses.replace(agent, addressList, agent.tmCreate);
    }

    @Transactional
    public AgentEntity reload(UUID id) {
        AgentEntity agent = agents.findById(id);
        agents.getEntityManager().detach(agent);
        return agent;
    }

    /** Moves the agent and its agentcalls into the window its test sweeps (see SweepWindow). */
    @Transactional
    public void moveInto(SweepWindow window, UUID id) {
        window.moveIn(agents.getEntityManager(), id);
    }

    @Transactional
    public void setStatus(UUID id, AgentStatus status) {
        agents.findById(id).status = status;
    }

    @Transactional
    public void setRingMethod(UUID id, RingMethod method) {
        agents.findById(id).ringMethod = method;
    }

    @Transactional
    public void setAnswerConfirmation(UUID id, AnswerConfirmation confirmation) {
        agents.findById(id).answerConfirmation = confirmation;
    }

    public static String login(String username, String password) {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .body(java.util.Map.of("username", username, "password", password))
                .post("/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }
}
