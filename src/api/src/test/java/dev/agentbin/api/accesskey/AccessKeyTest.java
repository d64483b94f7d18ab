package dev.agentbin.api.accesskey;

import static dev.agentbin.api.support.Api.as;
import static dev.agentbin.api.support.Api.createKey;
import static dev.agentbin.api.support.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.agentbin.access.Permission;
import dev.agentbin.accesskey.AccessKeySecrets;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /v1.0/accesskeys and the access key as a credential (cookie accesskey, then ?accesskey=, then Authorization: Bearer ak_...). */
@QuarkusTest
class AccessKeyTest {

    static final Set<String> FIELDS = new TreeSet<>(Set.of(
            "id",
            "customer_id",
            "name",
            "detail",
            "permission",
            "token_prefix",
            "tm_expire",
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

    /** The README walkthrough: make a key, list agents with it, delete it, and it is refused at once. */
    @Test
    void createUseDeleteThenRefused() {
        Instant before = Instant.now();
        JsonPath created = as(admin)
                .body(Map.of("name", "pbx", "detail", "rings agents", "expire", 86_400 * 30))
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(200)
                .body("customer_id", equalTo(admin.customerId().toString()))
                .body("name", equalTo("pbx"))
                .body("detail", equalTo("rings agents"))
                .body("permission", equalTo((int) Permission.CUSTOMER_ADMIN))
                .body("token", startsWith("ak_"))
                .body("tm_update", nullValue())
                .body("tm_delete", nullValue())
                .extract()
                .jsonPath();
        String key = created.getString("token");
        String id = created.getString("id");
        Assertions.assertEquals(key.substring(0, 11), created.getString("token_prefix"));
        Assertions.assertEquals(46, key.length(), key);
        Instant expire = Instant.parse(created.getString("tm_expire"));
        Assertions.assertTrue(!expire.isBefore(before.plusSeconds(86_400 * 30))
                && expire.isBefore(Instant.now().plusSeconds(86_400 * 30 + 5)));
        Assertions.assertEquals(
                new TreeSet<>(Set.of("token")),
                difference(created.<String, Object>getMap("$").keySet(), FIELDS));

        // Shown once: never in a read or a list.
        as(admin)
                .get("/v1.0/accesskeys/" + id)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("token")))
                .body("token_prefix", equalTo(key.substring(0, 11)));
        Assertions.assertEquals(
                FIELDS,
                new TreeSet<>(as(admin)
                        .get("/v1.0/accesskeys/" + id)
                        .then()
                        .extract()
                        .jsonPath()
                        .<String, Object>getMap("$")
                        .keySet()));
        as(admin)
                .get("/v1.0/accesskeys")
                .then()
                .statusCode(200)
                .body("result.id", hasItem(id))
                .body("result.token", everyNull());

        // Used where no token is sent: query, then cookie; the list is the key's customer's.
        withKey(key)
                .get("/v1.0/agents")
                .then()
                .statusCode(200)
                .body("result.id", hasItem(admin.id().toString()));
        RestAssured.given()
                .cookie("accesskey", key)
                .get("/v1.0/agents/" + admin.id())
                .then()
                .statusCode(200);

        as(admin).delete("/v1.0/accesskeys/" + id).then().statusCode(200).body("tm_delete", notNullValue());
        withKey(key).get("/v1.0/agents").then().statusCode(401).body("error.reason", equalTo("INVALID_CREDENTIALS"));
        RestAssured.given().cookie("accesskey", key).get("/v1.0/agents").then().statusCode(401);
        as(admin)
                .get("/v1.0/accesskeys/" + id)
                .then()
                .statusCode(404)
                .body("error.reason", equalTo("ACCESSKEY_NOT_FOUND"));
        as(admin).delete("/v1.0/accesskeys/" + id).then().statusCode(404);
        as(admin).get("/v1.0/accesskeys").then().statusCode(200).body("result.id", not(hasItem(id)));
    }

    @Test
    void anExpiredKeyIsRefusedAtOnce() {
        String key = createKey(admin, null);
        withKey(key).get("/v1.0/agents").then().statusCode(200);
        expire(key);
        withKey(key).get("/v1.0/agents").then().statusCode(401).body("error.reason", equalTo("INVALID_CREDENTIALS"));
    }

    @Test
    void theSecretIsStoredOnlyAsItsHash() {
        String key = createKey(admin, null);
        Object[] row = row(key);
        Assertions.assertArrayEquals(AccessKeySecrets.hash(key), (byte[]) row[0]);
        Assertions.assertFalse(((String) row[1]).contains(key.substring(11)), "the row holds the secret: " + row[1]);
    }

    /**
     * Also as {@code Authorization: Bearer ak_...}, so a key need not travel in a URL; only there among the
     * headers. A token, when sent, decides alone (the reference's order).
     */
    @Test
    void aKeyIsABearerToAndATokenTakesPrecedence() {
        String key = createKey(admin, null);
        RestAssured.given()
                .header("Authorization", "Bearer " + key)
                .get("/v1.0/agents")
                .then()
                .statusCode(200)
                .body("result.id", hasItem(admin.id().toString()));
        RestAssured.given()
                .header("Authorization", "Bearer ak_" + "A".repeat(43))
                .get("/v1.0/agents")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_CREDENTIALS"));
        RestAssured.given()
                .header("accesskey", key)
                .get("/v1.0/agents")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("AUTHENTICATION_REQUIRED"));
        withKey(key)
                .header("Authorization", "Bearer not-a-token")
                .get("/v1.0/agents")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_CREDENTIALS"));
        TestAgents.Seeded plain = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT);
        withKey(key)
                .header("Authorization", "Bearer " + plain.token())
                .get("/v1.0/agents")
                .then()
                .statusCode(403);
        withKey(key)
                .queryParam("token", plain.token())
                .get("/v1.0/agents")
                .then()
                .statusCode(403);
        RestAssured.given()
                .header("Authorization", "Bearer " + key)
                .queryParam("token", plain.token())
                .get("/v1.0/agents")
                .then()
                .statusCode(403);
        withKey("ak_" + "A".repeat(43))
                .get("/v1.0/agents")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_CREDENTIALS"));
        withKey("").get("/v1.0/agents").then().statusCode(401).body("error.reason", equalTo("AUTHENTICATION_REQUIRED"));
    }

    /** A key lives at most a year: a leaked one does not stay usable for decades. */
    @Test
    void aKeyLivesAtMostAYear() {
        as(admin)
                .body(Map.of("expire", 31_536_001))
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.message", org.hamcrest.Matchers.containsString("expire"));
        as(admin)
                .body(Map.of("expire", 2_147_483_647))
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(400);
        Instant expire = Instant.parse(as(admin)
                .body(Map.of("expire", 31_536_000))
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(200)
                .extract()
                .path("tm_expire"));
        Assertions.assertTrue(expire.isBefore(Instant.now().plusSeconds(31_536_000 + 5)), expire.toString());
    }

    @Test
    void keysAreTheirCustomersOwn() {
        String id = as(admin)
                .body(Map.of("expire", 86_400))
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        TestAgents.Seeded otherAdmin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        TestAgents.Seeded superadmin = seeds.seed(UUID.randomUUID(), Permission.PROJECT_SUPER_ADMIN);
        for (TestAgents.Seeded stranger : List.of(otherAdmin, superadmin)) {
            as(stranger)
                    .get("/v1.0/accesskeys/" + id)
                    .then()
                    .statusCode(404)
                    .body("error.reason", equalTo("ACCESSKEY_NOT_FOUND"));
            as(stranger)
                    .body(Map.of("name", "mine"))
                    .put("/v1.0/accesskeys/" + id)
                    .then()
                    .statusCode(404);
            as(stranger).delete("/v1.0/accesskeys/" + id).then().statusCode(404);
            as(stranger).get("/v1.0/accesskeys").then().statusCode(200).body("result.id", not(hasItem(id)));
        }
        TestAgents.Seeded manager = seeds.seed(admin.customerId(), Permission.CUSTOMER_MANAGER);
        as(manager)
                .get("/v1.0/accesskeys/" + id)
                .then()
                .statusCode(403)
                .body("error.status", equalTo("PERMISSION_DENIED"));
        as(manager).delete("/v1.0/accesskeys/" + id).then().statusCode(403);
        as(admin).get("/v1.0/accesskeys/" + id).then().statusCode(200).body("tm_delete", nullValue());
    }

    /** A key belongs to the customer: it outlives the admin who made it. */
    @Test
    void aKeyOutlivesItsMaker() {
        TestAgents.Seeded maker = seeds.seed(admin.customerId(), Permission.CUSTOMER_ADMIN);
        String key = createKey(maker, null);
        as(admin).delete("/v1.0/agents/" + maker.id()).then().statusCode(200);
        withKey(key).get("/v1.0/agents").then().statusCode(200);
    }

    @Test
    void renameAndPage() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(as(admin)
                    .body(Map.of("name", "k" + i, "expire", 86_400))
                    .post("/v1.0/accesskeys")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("id"));
        }
        as(admin)
                .body(Map.of("name", "renamed"))
                .put("/v1.0/accesskeys/" + ids.get(0))
                .then()
                .statusCode(200)
                .body("name", equalTo("renamed"))
                .body("detail", equalTo(""))
                .body("tm_update", notNullValue())
                .body("$", not(hasKey("token")));
        JsonPath first = as(admin)
                .queryParam("page_size", 2)
                .get("/v1.0/accesskeys")
                .then()
                .statusCode(200)
                .body("result", hasSize(2))
                .extract()
                .jsonPath();
        Assertions.assertEquals(List.of(ids.get(2), ids.get(1)), first.getList("result.id"));
        as(admin)
                .queryParam("page_size", 2)
                .queryParam("page_token", first.getString("next_page_token"))
                .get("/v1.0/accesskeys")
                .then()
                .statusCode(200)
                .body("result.id", equalTo(List.of(ids.get(0))))
                .body("result[0].name", equalTo("renamed"));
    }

    @Test
    void badInputAnswersTheEnvelope() {
        Map<String, Object> cases = new java.util.LinkedHashMap<>();
        cases.put("{}", "expire");
        cases.put("{\"expire\": 86399}", "expire");
        cases.put("{\"expire\": 2147483648}", "expire");
        cases.put("{\"expire\": \"86400\"}", null);
        cases.put("{\"expire\": 86400, \"permission\": 65536}", "permission");
        cases.put("{\"expire\": 86400, \"permission\": -1}", "permission");
        cases.put("{\"expire\": 86400, \"name\": \"" + "n".repeat(256) + "\"}", "name");
        cases.put("{\"expire\": 86400, \"name\": 5}", null);
        cases.forEach((body, expected) -> {
            String field = (String) expected;
            var response = as(admin)
                    .body(body)
                    .post("/v1.0/accesskeys")
                    .then()
                    .statusCode(400)
                    .body("error.status", equalTo("INVALID_ARGUMENT"))
                    .body("error.request_id", notNullValue());
            if (field != null) {
                response.body("error.message", org.hamcrest.Matchers.containsString(field));
            }
        });
        as(admin)
                .body("{")
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_JSON_BODY"));
        RestAssured.given()
                .header("Authorization", "Bearer " + admin.token())
                .contentType(ContentType.TEXT)
                .body("{}")
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(415)
                .body("error.status", notNullValue());
        as(admin).get("/v1.0/accesskeys/not-a-uuid").then().statusCode(400).body("error.reason", equalTo("INVALID_ID"));
        as(admin)
                .queryParam("page_size", "x")
                .get("/v1.0/accesskeys")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_REQUEST_PARAMETER"));
        as(admin)
                .queryParam("page_token", "x")
                .get("/v1.0/accesskeys")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_PAGE_TOKEN"));
        RestAssured.given()
                .get("/v1.0/accesskeys")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("AUTHENTICATION_REQUIRED"));
    }

    private static Set<String> difference(Set<String> all, Set<String> some) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(some);
        return rest;
    }

    private static org.hamcrest.Matcher<Iterable<? super Object>> everyNull() {
        return not(hasItem(notNullValue()));
    }

    @Transactional
    void expire(String key) {
        db.createNativeQuery(
                        "update customer_accesskeys set tm_expire = now() - interval '1 second' where token_hash = ?1")
                .setParameter(1, AccessKeySecrets.hash(key))
                .executeUpdate();
    }

    @Transactional
    Object[] row(String key) {
        return (Object[])
                db.createNativeQuery("select token_hash, k::text from customer_accesskeys k where token_hash = ?1")
                        .setParameter(1, AccessKeySecrets.hash(key))
                        .getSingleResult();
    }
}
