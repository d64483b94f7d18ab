package dev.agentbin.api.tag;

import static dev.agentbin.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.testing.DatabaseFaults;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tag_created, tag_updated, tag_deleted: one event per committed write, its data the tag exactly as the
 * write answered it, numbered in the tag's own sequence; a write that fails leaves no event.
 */
@QuarkusTest
class TagEventsTest {

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
    void eachWriteRecordsOneEventWithTheTagAsAnswered() throws IOException {
        JsonNode created = json(as(admin)
                .body(Map.of("name", "English", "detail", "speaks English"))
                .post("/v1.0/tags")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        UUID id = UUID.fromString(created.get("id").asText());
        List<JsonNode> events = outboxOf(id);
        Assertions.assertEquals(1, events.size(), events.toString());
        assertEvent(events.get(0), "tag_created", 1, created);

        JsonNode updated = json(as(admin)
                .body(Map.of("name", "English (US)"))
                .put("/v1.0/tags/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode deleted = json(as(admin)
                .delete("/v1.0/tags/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        events = outboxOf(id);
        Assertions.assertEquals(3, events.size(), events.toString());
        assertEvent(events.get(1), "tag_updated", 2, updated);
        assertEvent(events.get(2), "tag_deleted", 3, deleted);
        Assertions.assertFalse(deleted.get("tm_delete").isNull(), deleted.toString());
        // Reads record nothing.
        as(admin).get("/v1.0/tags/" + id).then().statusCode(200);
        as(admin).get("/v1.0/tags").then().statusCode(200);
        Assertions.assertEquals(3, outboxOf(id).size());
        Assertions.assertEquals(3L, tagEventsOf(admin.customerId()));
    }

    @Test
    void aRefusedWriteRecordsNothing() {
        String id = as(admin)
                .body(Map.of("name", "Billing"))
                .post("/v1.0/tags")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        String other = as(admin)
                .body(Map.of("name", "Sales"))
                .post("/v1.0/tags")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        TestAgents.Seeded reader = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT);

        as(admin).body(Map.of("name", "billing")).post("/v1.0/tags").then().statusCode(409);
        as(admin)
                .body(Map.of("name", "BILLING"))
                .put("/v1.0/tags/" + other)
                .then()
                .statusCode(409);
        as(admin).body(Map.of("detail", "no name")).post("/v1.0/tags").then().statusCode(400);
        as(reader).body(Map.of("name", "mine")).post("/v1.0/tags").then().statusCode(403);
        as(reader).body(Map.of("name", "x")).put("/v1.0/tags/" + id).then().statusCode(403);
        as(reader).delete("/v1.0/tags/" + id).then().statusCode(403);
        as(seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN))
                .delete("/v1.0/tags/" + id)
                .then()
                .statusCode(404);
        Assertions.assertEquals(2L, tagEventsOf(admin.customerId()), "only the two creates");

        as(admin).delete("/v1.0/tags/" + id).then().statusCode(200);
        as(admin).delete("/v1.0/tags/" + id).then().statusCode(404);
        as(admin).body(Map.of("name", "x")).put("/v1.0/tags/" + id).then().statusCode(404);
        Assertions.assertEquals(List.of("tag_created", "tag_deleted"), typesOf(UUID.fromString(id)));
    }

    /** The write and its event commit together: cut off after the tag row changed, neither stays. */
    @Test
    void anUpdateCutOffAtItsEventChangesNothing() {
        String id = as(admin)
                .body(Map.of("name", "Tier 1"))
                .post("/v1.0/tags")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        try (DatabaseFaults faults = new DatabaseFaults()) {
            // The tag's sequence counter: the update has written the tag when it queues here for its event's number.
            faults.hold("select 1 from agent_event_sequences where agent_id = ? for update", UUID.fromString(id));
            CompletableFuture<Response> request = CompletableFuture.supplyAsync(
                    () -> as(admin).body(Map.of("name", "Tier 2")).put("/v1.0/tags/" + id));
            faults.terminateTheWaitingBackend();
            faults.release();
            request.join().then().statusCode(503);
        }
        as(admin).get("/v1.0/tags/" + id).then().statusCode(200).body("name", equalTo("Tier 1"));
        Assertions.assertEquals(List.of("tag_created"), typesOf(UUID.fromString(id)));
    }

    private static void assertEvent(JsonNode event, String type, long sequence, JsonNode answered) {
        Assertions.assertEquals(type, event.get("type").asText(), event.toString());
        Assertions.assertEquals(sequence, event.get("sequence").asLong(), event.toString());
        Assertions.assertEquals(answered, event.get("data"), "data is the tag as the API answered it");
    }

    private List<String> typesOf(UUID tagId) {
        try {
            return outboxOf(tagId).stream().map(e -> e.get("type").asText()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    /** The tag's events as stored, in its sequence (the outbox's agent_id column holds an event's subject). */
    @Transactional
    List<JsonNode> outboxOf(UUID tagId) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (Object body : db.createNativeQuery("select body from event_outbox where agent_id = ?1 order by seq")
                .setParameter(1, tagId)
                .getResultList()) {
            events.add(json((String) body));
        }
        return events;
    }

    @Transactional
    long tagEventsOf(UUID customerId) {
        return ((Number) db.createNativeQuery(
                                "select count(*) from event_outbox where customer_id = ?1 and type like 'tag\\_%'")
                        .setParameter(1, customerId)
                        .getSingleResult())
                .longValue();
    }
}
