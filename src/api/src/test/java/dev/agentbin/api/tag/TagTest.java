package dev.agentbin.api.tag;

import static dev.agentbin.api.support.Api.as;
import static dev.agentbin.api.support.Api.createKey;
import static dev.agentbin.api.support.Api.withKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /v1.0/tags: the reference's Tag API, with names unique per customer and the project's access rules. */
@QuarkusTest
class TagTest {

    static final Set<String> FIELDS =
            new TreeSet<>(Set.of("id", "customer_id", "name", "detail", "tm_create", "tm_update", "tm_delete"));

    @Inject
    TestAgents seeds;

    TestAgents.Seeded admin;

    @BeforeEach
    void seedAdmin() {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
    }

    @Test
    void createReadUpdateDelete() {
        JsonPath created = create(admin, "English", "speaks English")
                .statusCode(200)
                .body("customer_id", equalTo(admin.customerId().toString()))
                .body("name", equalTo("English"))
                .body("detail", equalTo("speaks English"))
                .body("tm_create", notNullValue())
                .body("tm_update", nullValue())
                .body("tm_delete", nullValue())
                .extract()
                .jsonPath();
        Assertions.assertEquals(
                FIELDS, new TreeSet<>(created.<String, Object>getMap("$").keySet()));
        String id = created.getString("id");

        as(admin).get("/v1.0/tags/" + id).then().statusCode(200).body("name", equalTo("English"));
        as(admin)
                .body(Map.of("name", "English (US)"))
                .put("/v1.0/tags/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("English (US)"))
                .body("detail", equalTo(""))
                .body("tm_update", notNullValue());

        as(admin).delete("/v1.0/tags/" + id).then().statusCode(200).body("tm_delete", notNullValue());
        // Soft, as the reference: still readable with its tm_delete, gone from the list, not writable.
        as(admin).get("/v1.0/tags/" + id).then().statusCode(200).body("tm_delete", notNullValue());
        as(admin)
                .get("/v1.0/tags")
                .then()
                .statusCode(200)
                .body("result", hasSize(0))
                .body("next_page_token", equalTo(""));
        as(admin).delete("/v1.0/tags/" + id).then().statusCode(404).body("error.reason", equalTo("TAG_NOT_FOUND"));
        as(admin)
                .body(Map.of("name", "x"))
                .put("/v1.0/tags/" + id)
                .then()
                .statusCode(404)
                .body("error.reason", equalTo("TAG_NOT_FOUND"));
    }

    @Test
    void theReferencesErrors() {
        as(admin)
                .get("/v1.0/tags/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("error.status", equalTo("NOT_FOUND"))
                .body("error.reason", equalTo("TAG_NOT_FOUND"));
        as(admin).get("/v1.0/tags/not-a-uuid").then().statusCode(400).body("error.reason", equalTo("INVALID_ID"));
        as(admin)
                .body(Map.of("detail", "no name"))
                .post("/v1.0/tags")
                .then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
        as(admin)
                .body(Map.of("name", "  "))
                .post("/v1.0/tags")
                .then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
        as(admin)
                .body(Map.of("name", "x".repeat(256)))
                .post("/v1.0/tags")
                .then()
                .statusCode(400);
        as(admin)
                .get("/v1.0/tags?page_size=abc")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_REQUEST_PARAMETER"));
        as(admin)
                .get("/v1.0/tags?page_token=garbage")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_PAGE_TOKEN"));
    }

    @Test
    void namesAreUniquePerCustomerIgnoringCase() {
        String first = create(admin, "Billing", "").statusCode(200).extract().path("id");
        create(admin, "billing", "")
                .statusCode(409)
                .body("error.status", equalTo("ALREADY_EXISTS"))
                .body("error.reason", equalTo("TAG_ALREADY_EXISTS"));
        String second = create(admin, "Sales", "").statusCode(200).extract().path("id");
        as(admin)
                .body(Map.of("name", "BILLING"))
                .put("/v1.0/tags/" + second)
                .then()
                .statusCode(409)
                .body("error.reason", equalTo("TAG_ALREADY_EXISTS"));
        // Another customer may use the name; a deleted tag frees it.
        create(seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN), "Billing", "")
                .statusCode(200);
        as(admin).delete("/v1.0/tags/" + first).then().statusCode(200);
        create(admin, "BILLING", "").statusCode(200);
    }

    @Test
    void anotherCustomersTagDoesNotExist() {
        String id = create(admin, "Spanish", "").statusCode(200).extract().path("id");
        TestAgents.Seeded stranger = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        as(stranger).get("/v1.0/tags/" + id).then().statusCode(404).body("error.reason", equalTo("TAG_NOT_FOUND"));
        as(stranger).body(Map.of("name", "mine")).put("/v1.0/tags/" + id).then().statusCode(404);
        as(stranger).delete("/v1.0/tags/" + id).then().statusCode(404);
        withKey(createKey(stranger, null)).get("/v1.0/tags/" + id).then().statusCode(404);
        as(stranger).get("/v1.0/tags").then().statusCode(200).body("result.id", not(hasItem(id)));
        as(admin).get("/v1.0/tags/" + id).then().statusCode(200).body("name", equalTo("Spanish"));
    }

    @Test
    void adminsAndManagersWriteEveryoneReads() {
        TestAgents.Seeded manager = seeds.seed(admin.customerId(), Permission.CUSTOMER_MANAGER);
        TestAgents.Seeded agent = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT);
        TestAgents.Seeded nobody = seeds.seed(admin.customerId(), Permission.NONE);

        String id = create(manager, "Tier 2", "").statusCode(200).extract().path("id");
        as(manager)
                .body(Map.of("name", "Tier 3"))
                .put("/v1.0/tags/" + id)
                .then()
                .statusCode(200);

        for (TestAgents.Seeded reader : List.of(agent, nobody)) {
            as(reader).get("/v1.0/tags").then().statusCode(200).body("result.name", contains("Tier 3"));
            as(reader).get("/v1.0/tags/" + id).then().statusCode(200);
            create(reader, "mine", "").statusCode(403).body("error.reason", equalTo("PERMISSION_DENIED"));
            as(reader).body(Map.of("name", "x")).put("/v1.0/tags/" + id).then().statusCode(403);
            as(reader).delete("/v1.0/tags/" + id).then().statusCode(403);
        }

        // Access keys by their permission: an admin key writes, an agent key reads, a key with no bit neither.
        String adminKey = createKey(admin, null);
        withKey(adminKey)
                .body(Map.of("name", "By key"))
                .post("/v1.0/tags")
                .then()
                .statusCode(200);
        String agentKey = createKey(admin, Permission.CUSTOMER_AGENT);
        withKey(agentKey).get("/v1.0/tags").then().statusCode(200).body("result", hasSize(2));
        withKey(agentKey).body(Map.of("name", "no")).post("/v1.0/tags").then().statusCode(403);
        String noBitKey = createKey(admin, Permission.NONE);
        withKey(noBitKey).get("/v1.0/tags").then().statusCode(403);
        withKey(noBitKey).get("/v1.0/tags/" + id).then().statusCode(403);

        as(admin).delete("/v1.0/tags/" + id).then().statusCode(200);
    }

    @Test
    void listPagesNewestFirst() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, create(admin, "tag " + i, "").statusCode(200).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String token = "";
        while (true) {
            JsonPath page = as(admin)
                    .queryParam("page_size", 2)
                    .queryParam("page_token", token)
                    .get("/v1.0/tags")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> ids = page.getList("result.id");
            if (ids.isEmpty()) {
                Assertions.assertEquals("", page.getString("next_page_token"));
                break;
            }
            seen.addAll(ids);
            token = page.getString("next_page_token");
        }
        Assertions.assertEquals(made, seen);
    }

    /** The reference keeps an agent's tag ids as given: deleting the tag leaves them, an unknown id is kept. */
    @Test
    void agentsKeepTheIdsTheyCarry() {
        String id = create(admin, "Night shift", "").statusCode(200).extract().path("id");
        String unknown = UUID.randomUUID().toString();
        TestAgents.Seeded agent = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT);
        as(admin)
                .body(Map.of("tag_ids", List.of(id, unknown)))
                .put("/v1.0/agents/" + agent.id() + "/tag_ids")
                .then()
                .statusCode(200)
                .body("tag_ids", contains(id, unknown));

        as(admin).delete("/v1.0/tags/" + id).then().statusCode(200);
        as(admin).get("/v1.0/agents/" + agent.id()).then().statusCode(200).body("tag_ids", contains(id, unknown));
        as(admin)
                .get("/v1.0/agents?tag_ids=" + id)
                .then()
                .statusCode(200)
                .body("result.id", hasItem(agent.id().toString()));
    }

    private static io.restassured.response.ValidatableResponse create(
            TestAgents.Seeded caller, String name, String detail) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "detail", detail));
        return as(caller).body(body).post("/v1.0/tags").then();
    }
}
