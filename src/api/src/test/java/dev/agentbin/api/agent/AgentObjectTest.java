package dev.agentbin.api.agent;

import static dev.agentbin.api.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent always carries every documented field, null when unset: in every answer (create, get, list,
 * update) and in its events' data, so a fresh agent shows tm_update and tm_delete as null.
 */
@QuarkusTest
class AgentObjectTest {

    /** The agent object of docs/api.md: the reference's fields (but direct_hash) plus agentbin's ring settings. */
    static final Set<String> FIELDS = new TreeSet<>(Set.of(
            "id",
            "customer_id",
            "username",
            "name",
            "detail",
            "ring_method",
            "status",
            "permission",
            "tag_ids",
            "addresses",
            "wrapup_seconds",
            "max_no_answer",
            "answer_confirmation",
            "tm_create",
            "tm_update",
            "tm_delete"));

    @Inject
    TestAgents seeds;

    @Inject
    EntityManager db;

    TestAgents.Seeded admin;

    @BeforeEach
    void seedAdmin() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
    }

    @Test
    void aFreshAgentHasEveryFieldWithNullsInEveryAnswer() throws IOException {
        String created = as(admin)
                .body(AgentCrudTest.createBody(AgentCrudTest.email(), List.of()))
                .post("/v1.0/agents")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode agent = json(created);
        String id = agent.get("id").asText();
        assertComplete(agent, "create");
        Assertions.assertTrue(
                agent.get("tm_update").isNull() && agent.get("tm_delete").isNull(), created);

        assertComplete(
                json(as(admin)
                        .get("/v1.0/agents/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()),
                "get");
        JsonNode page = json(
                as(admin).get("/v1.0/agents").then().statusCode(200).extract().asString());
        page.get("result").forEach(item -> assertComplete(item, "list"));
        JsonNode updated = json(as(admin)
                .body(Map.of("status", "away"))
                .put("/v1.0/agents/" + id + "/status")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertComplete(updated, "status update");
        Assertions.assertTrue(
                !updated.get("tm_update").isNull() && updated.get("tm_delete").isNull());
    }

    @Test
    void eventDataCarriesEveryFieldToo() throws IOException {
        String id = as(admin)
                .body(AgentCrudTest.createBody(AgentCrudTest.email(), List.of()))
                .post("/v1.0/agents")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        as(admin)
                .body(Map.of("status", "away"))
                .put("/v1.0/agents/" + id + "/status")
                .then()
                .statusCode(200);

        List<JsonNode> events = outbox(UUID.fromString(id));
        Assertions.assertEquals(
                List.of("agent_created", "agent_status_updated"),
                events.stream().map(e -> e.get("type").asText()).toList());
        JsonNode createdData = events.get(0).get("data");
        assertComplete(createdData, "agent_created");
        Assertions.assertTrue(
                createdData.get("tm_update").isNull()
                        && createdData.get("tm_delete").isNull(),
                createdData.toString());
        assertComplete(events.get(1).get("data"), "agent_status_updated");
        Assertions.assertTrue(events.get(1).get("data").get("tm_delete").isNull());
    }

    private static void assertComplete(JsonNode agent, String where) {
        Set<String> keys = new TreeSet<>();
        agent.fieldNames().forEachRemaining(keys::add);
        Assertions.assertEquals(FIELDS, keys, where + ": " + agent);
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    @Transactional
    List<JsonNode> outbox(UUID agentId) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (Object body : db.createNativeQuery("select body from event_outbox where agent_id = ?1 order by seq")
                .setParameter(1, agentId)
                .getResultList()) {
            events.add(json((String) body));
        }
        return events;
    }
}
