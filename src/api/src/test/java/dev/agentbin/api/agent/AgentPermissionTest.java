package dev.agentbin.api.agent;

import static dev.agentbin.api.support.Api.as;
import static dev.agentbin.api.support.Api.createKey;
import static dev.agentbin.api.support.Api.withKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.Api;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every agent route against every caller: superadmin (of another customer), admin, manager, the agent
 * itself, another agent of the customer, an admin of another customer, and access keys: one acting as the
 * customer's admin (the default), one narrowed to manager, one of another customer, one narrowed to agent.
 * Each credential travels each way it can (a token by header, cookie and query; a key by query, cookie
 * and Bearer header), the ways rotating over the table so that every role and every route meets each. The target is a fresh
 * plain agent each time, and every row reads back what the route did: a 200 must have changed the agent as
 * asked (a deleted agent is gone, a new password logs in, a permission is set), a refusal must have
 * changed nothing.
 */
@QuarkusTest
class AgentPermissionTest {

    enum Role {
        SUPERADMIN,
        ADMIN,
        MANAGER,
        SELF,
        OTHER_AGENT,
        OTHER_CUSTOMER_ADMIN,
        ADMIN_KEY,
        MANAGER_KEY,
        OTHER_CUSTOMER_KEY,
        AGENT_KEY
    }

    /** How the credential travels: for a token the Authorization header, the token cookie or ?token=; for a key Bearer ak_..., the accesskey cookie or ?accesskey=. */
    enum Carrier {
        HEADER,
        COOKIE,
        QUERY
    }

    static final String NEW_PASSWORD = "another-password";
    static final UUID TAG = UUID.fromString("5e4a0680-804e-11ec-8477-2fea5968d85b");

    @Inject
    TestAgents seeds;

    UUID customer;
    Map<Role, TestAgents.Seeded> callers;
    Map<Role, String> keys;

    @BeforeEach
    void seedRoles() {
        customer = UUID.randomUUID();
        callers = new java.util.EnumMap<>(Role.class);
        callers.put(Role.SUPERADMIN, seeds.seed(UUID.randomUUID(), Permission.PROJECT_SUPER_ADMIN));
        callers.put(Role.ADMIN, seeds.seed(customer, Permission.CUSTOMER_ADMIN));
        callers.put(Role.MANAGER, seeds.seed(customer, Permission.CUSTOMER_MANAGER));
        callers.put(Role.OTHER_AGENT, seeds.seed(customer, Permission.CUSTOMER_AGENT));
        callers.put(Role.OTHER_CUSTOMER_ADMIN, seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN));
        keys = new java.util.EnumMap<>(Role.class);
        keys.put(Role.ADMIN_KEY, createKey(callers.get(Role.ADMIN), null));
        keys.put(Role.MANAGER_KEY, createKey(callers.get(Role.ADMIN), Permission.CUSTOMER_MANAGER));
        keys.put(Role.OTHER_CUSTOMER_KEY, createKey(callers.get(Role.OTHER_CUSTOMER_ADMIN), null));
        keys.put(Role.AGENT_KEY, createKey(callers.get(Role.ADMIN), Permission.CUSTOMER_AGENT));
    }

    /** A request as the role, a token as a header, a key in the query; the agent itself is the target. */
    RequestSpecification request(Role role, TestAgents.Seeded target) {
        return request(role, target, keys.containsKey(role) ? Carrier.QUERY : Carrier.HEADER);
    }

    RequestSpecification request(Role role, TestAgents.Seeded target, Carrier carrier) {
        boolean key = keys.containsKey(role);
        String secret = key ? keys.get(role) : (role == Role.SELF ? target : callers.get(role)).token();
        RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON);
        return switch (carrier) {
            case HEADER -> spec.header("Authorization", "Bearer " + secret);
            case COOKIE -> spec.cookie(key ? "accesskey" : "token", secret);
            case QUERY -> spec.queryParam(key ? "accesskey" : "token", secret);
        };
    }

    /** What a route did to the target, read back after the call: as asked on a 200, nothing on a refusal. */
    interface Effect {
        void check(AgentPermissionTest test, TestAgents.Seeded target, Response response, boolean applied);
    }

    record Route(String name, BiFunction<RequestSpecification, UUID, Response> call, Effect effect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Route GET = new Route(
            "GET /agents/{id}", (spec, id) -> spec.get("/v1.0/agents/" + id), (test, target, response, applied) -> {
                if (applied) {
                    response.then()
                            .body("id", equalTo(target.id().toString()))
                            .body("username", equalTo(target.username()));
                }
            });
    static final Route PUT = new Route(
            "PUT /agents/{id}",
            (spec, id) -> spec.body(Map.of("name", "renamed")).put("/v1.0/agents/" + id),
            (test, target, response, applied) ->
                    test.readBack(target).body("name", equalTo(applied ? "renamed" : "seeded")));
    static final Route DELETE = new Route(
            "DELETE /agents/{id}",
            (spec, id) -> spec.delete("/v1.0/agents/" + id),
            (test, target, response, applied) -> {
                test.readBack(target).body("tm_delete", applied ? notNullValue() : nullValue());
                Api.as(target).get("/v1.0/agents/" + target.id()).then().statusCode(applied ? 401 : 200);
                List<String> listed = Api.as(test.callers.get(Role.ADMIN))
                        .get("/v1.0/agents")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("result.id");
                Assertions.assertEquals(!applied, listed.contains(target.id().toString()), "listed: " + listed);
            });
    static final Route ADDRESSES = new Route(
            "PUT /agents/{id}/addresses",
            (spec, id) -> spec.body(Map.of("addresses", List.of(Map.of("type", "sip", "target", id + "@example.com"))))
                    .put("/v1.0/agents/" + id + "/addresses"),
            (test, target, response, applied) -> test.readBack(target)
                    .body("addresses.target", applied ? contains(target.id() + "@example.com") : empty()));
    static final Route TAGS = new Route(
            "PUT /agents/{id}/tag_ids",
            (spec, id) -> spec.body(Map.of("tag_ids", List.of(TAG))).put("/v1.0/agents/" + id + "/tag_ids"),
            (test, target, response, applied) ->
                    test.readBack(target).body("tag_ids", applied ? contains(TAG.toString()) : empty()));
    static final Route STATUS = new Route(
            "PUT /agents/{id}/status",
            (spec, id) -> spec.body(Map.of("status", "available")).put("/v1.0/agents/" + id + "/status"),
            (test, target, response, applied) ->
                    test.readBack(target).body("status", equalTo(applied ? "available" : "offline")));
    static final Route PERMISSION = new Route(
            "PUT /agents/{id}/permission",
            (spec, id) -> spec.body(Map.of("permission", Permission.CUSTOMER_MANAGER))
                    .put("/v1.0/agents/" + id + "/permission"),
            (test, target, response, applied) -> test.readBack(target).body("permission", equalTo((int)
                    (applied ? Permission.CUSTOMER_MANAGER : Permission.CUSTOMER_AGENT))));
    static final Route PASSWORD = new Route(
            "PUT /agents/{id}/password",
            (spec, id) -> spec.body(Map.of("password", NEW_PASSWORD)).put("/v1.0/agents/" + id + "/password"),
            (test, target, response, applied) -> {
                // The password that works now logs in; the token from before a change is revoked.
                TestAgents.login(target.username(), applied ? NEW_PASSWORD : TestAgents.PASSWORD);
                Api.as(target).get("/v1.0/agents/" + target.id()).then().statusCode(applied ? 401 : 200);
            });

    /** Whoever reads an agent's agentcalls reads its status history (one change here: the target's own). */
    static final Route STATUS_HISTORY = new Route(
            "GET /agents/{id}/status_history",
            (spec, id) -> spec.get("/v1.0/agents/" + id + "/status_history"),
            (test, target, response, applied) -> {
                if (applied) {
                    response.then()
                            .body("result.agent_id", contains(target.id().toString()))
                            .body("result.status", contains("available"))
                            .body("next_page_token", notNullValue());
                }
            });

    static Stream<Arguments> matrix() {
        // superadmin, admin, manager, self, other agent, other customer's admin, admin key, manager key, other
        // customer's key, agent key
        return Stream.of(
                        row(0, GET, 200, 200, 200, 200, 403, 404, 200, 200, 404, 403),
                        row(1, PUT, 200, 200, 200, 200, 403, 404, 200, 200, 404, 403),
                        row(2, STATUS, 200, 200, 200, 200, 403, 404, 200, 200, 404, 403),
                        row(3, ADDRESSES, 200, 200, 200, 403, 403, 404, 200, 200, 404, 403),
                        row(4, TAGS, 200, 200, 200, 403, 403, 404, 200, 200, 404, 403),
                        row(5, PERMISSION, 200, 200, 200, 403, 403, 404, 200, 200, 404, 403),
                        row(6, PASSWORD, 200, 200, 200, 403, 403, 404, 200, 200, 404, 403),
                        row(7, DELETE, 200, 200, 200, 403, 403, 404, 200, 200, 404, 403),
                        row(8, STATUS_HISTORY, 200, 200, 200, 200, 403, 404, 200, 200, 404, 403))
                .flatMap(s -> s);
    }

    /** The carrier rotates with the row and the column: each role meets each carrier, and so does each route. */
    static Stream<Arguments> row(int index, Route route, int... expected) {
        Role[] roles = Role.values();
        Assertions.assertEquals(roles.length, expected.length, route.name());
        return java.util.stream.IntStream.range(0, roles.length)
                .mapToObj(i -> Arguments.of(
                        route, roles[i], Carrier.values()[(index + i) % Carrier.values().length], expected[i]));
    }

    @ParameterizedTest(name = "{0} as {1} by {2} -> {3}")
    @MethodSource("matrix")
    void routeAnswersPerRole(Route route, Role role, Carrier carrier, int expected) {
        TestAgents.Seeded target = seeds.seed(customer, Permission.CUSTOMER_AGENT);
        if (route == STATUS_HISTORY) {
            as(target)
                    .body(Map.of("status", "available"))
                    .put("/v1.0/agents/" + target.id() + "/status")
                    .then()
                    .statusCode(200);
        }
        Response response = route.call().apply(request(role, target, carrier), target.id());
        response.then().statusCode(expected);
        if (expected == 404) {
            response.then().body("error.reason", equalTo("AGENT_NOT_FOUND"));
        }
        if (expected == 403) {
            response.then().body("error.status", equalTo("PERMISSION_DENIED"));
        }
        route.effect().check(this, target, response, expected == 200);
    }

    /** The target as it is now, read by its customer's admin (a deleted agent still shows, with tm_delete). */
    io.restassured.response.ValidatableResponse readBack(TestAgents.Seeded target) {
        return Api.as(callers.get(Role.ADMIN))
                .get("/v1.0/agents/" + target.id())
                .then()
                .statusCode(200);
    }

    @ParameterizedTest(name = "list and create as {0} -> {1}")
    @MethodSource("collectionMatrix")
    void collectionRoutesPerRole(Role role, int expected) {
        TestAgents.Seeded self = seeds.seed(customer, Permission.CUSTOMER_AGENT);
        String username = AgentCrudTest.email();
        Response list = request(role, self).get("/v1.0/agents");
        list.then().statusCode(expected);
        Response created = request(role, self)
                .body(AgentCrudTest.createBody(username, List.of()))
                .post("/v1.0/agents");
        created.then().statusCode(expected);
        if (expected == 200) {
            // Both act in the caller's own customer, and the new agent logs in with the password it was given.
            String own = customerOf(role).toString();
            Assertions.assertEquals(
                    List.of(own),
                    list.<List<String>>path("result.customer_id").stream()
                            .distinct()
                            .toList());
            created.then().body("customer_id", equalTo(own));
            TestAgents.login(username, "password1234");
        } else {
            Assertions.assertEquals(
                    401,
                    RestAssured.given()
                            .contentType(ContentType.JSON)
                            .body(Map.of("username", username, "password", "password1234"))
                            .post("/auth/login")
                            .statusCode());
        }
    }

    UUID customerOf(Role role) {
        return switch (role) {
            case OTHER_CUSTOMER_KEY -> callers.get(Role.OTHER_CUSTOMER_ADMIN).customerId();
            case SUPERADMIN, OTHER_CUSTOMER_ADMIN -> callers.get(role).customerId();
            default -> customer;
        };
    }

    static Stream<Arguments> collectionMatrix() {
        return Stream.of(
                Arguments.of(Role.SUPERADMIN, 200),
                Arguments.of(Role.ADMIN, 200),
                Arguments.of(Role.MANAGER, 200),
                Arguments.of(Role.SELF, 403),
                Arguments.of(Role.OTHER_AGENT, 403),
                Arguments.of(Role.OTHER_CUSTOMER_ADMIN, 200),
                Arguments.of(Role.ADMIN_KEY, 200),
                Arguments.of(Role.MANAGER_KEY, 200),
                Arguments.of(Role.OTHER_CUSTOMER_KEY, 200),
                Arguments.of(Role.AGENT_KEY, 403));
    }

    /** An access key is nobody: /me is 403 AGENT_AUTH_REQUIRED and the self-service routes 401, as in the reference. */
    @ParameterizedTest(name = "{0} has no me")
    @MethodSource("keyRoles")
    void aKeyHasNoMe(Role role) {
        String key = keys.get(role);
        withKey(key).get("/v1.0/me").then().statusCode(403).body("error.reason", equalTo("AGENT_AUTH_REQUIRED"));
        withKey(key)
                .get("/v1.0/service_agents/me")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("AUTHENTICATION_REQUIRED"));
        withKey(key)
                .body(Map.of("name", "x"))
                .put("/v1.0/service_agents/me")
                .then()
                .statusCode(401);
        withKey(key)
                .body(Map.of("status", "away"))
                .put("/v1.0/service_agents/me/status")
                .then()
                .statusCode(401);
        withKey(key)
                .body(Map.of("addresses", List.of()))
                .put("/v1.0/service_agents/me/addresses")
                .then()
                .statusCode(401);
        withKey(key)
                .body(Map.of("password", NEW_PASSWORD))
                .put("/v1.0/service_agents/me/password")
                .then()
                .statusCode(401);
    }

    static Stream<Role> keyRoles() {
        return Stream.of(Role.ADMIN_KEY, Role.MANAGER_KEY, Role.AGENT_KEY);
    }

    @Test
    void listShowsOnlyTheCallersCustomer() {
        TestAgents.Seeded target = seeds.seed(customer, Permission.CUSTOMER_AGENT);
        List<String> ids = as(callers.get(Role.OTHER_CUSTOMER_ADMIN))
                .get("/v1.0/agents")
                .then()
                .statusCode(200)
                .extract()
                .path("result.id");
        Assertions.assertFalse(ids.contains(target.id().toString()));
        Assertions.assertFalse(ids.contains(callers.get(Role.ADMIN).id().toString()));
    }

    @Test
    void nobodyGrantsABitItDoesNotHold() {
        TestAgents.Seeded target = seeds.seed(customer, Permission.CUSTOMER_AGENT);
        TestAgents.Seeded manager = callers.get(Role.MANAGER);
        TestAgents.Seeded admin = callers.get(Role.ADMIN);

        setPermission(manager, target.id(), Permission.CUSTOMER_ADMIN).then().statusCode(403);
        setPermission(manager, manager.id(), Permission.CUSTOMER_ADMIN).then().statusCode(403);
        setPermission(manager, target.id(), Permission.CUSTOMER_MANAGER).then().statusCode(200);
        setPermission(admin, target.id(), Permission.PROJECT_SUPER_ADMIN).then().statusCode(403);
        setPermission(admin, admin.id(), Permission.CUSTOMER_ADMIN | Permission.PROJECT_SUPER_ADMIN)
                .then()
                .statusCode(403);
        setPermission(admin, target.id(), Permission.CUSTOMER_ADMIN | Permission.CUSTOMER_MANAGER)
                .then()
                .statusCode(200);
        setPermission(callers.get(Role.SUPERADMIN), target.id(), Permission.PROJECT_SUPER_ADMIN)
                .then()
                .statusCode(200);

        createWith(manager, Permission.CUSTOMER_ADMIN).then().statusCode(403);
        createWith(manager, Permission.CUSTOMER_MANAGER).then().statusCode(200);
        createWith(admin, Permission.PROJECT_SUPER_ADMIN).then().statusCode(403);
        createWith(admin, Permission.CUSTOMER_MANAGER).then().statusCode(200);
    }

    @Test
    void aKeyGrantsNoBitItDoesNotHoldAndNoKeyHoldsMoreThanItsMaker() {
        TestAgents.Seeded target = seeds.seed(customer, Permission.CUSTOMER_AGENT);
        RequestSpecification managerKey = withKey(keys.get(Role.MANAGER_KEY));
        managerKey
                .body(Map.of("permission", Permission.CUSTOMER_ADMIN))
                .put("/v1.0/agents/" + target.id() + "/permission")
                .then()
                .statusCode(403);
        withKey(keys.get(Role.MANAGER_KEY))
                .body(Map.of(
                        "username",
                        AgentCrudTest.email(),
                        "password",
                        "password1234",
                        "permission",
                        Permission.CUSTOMER_ADMIN))
                .post("/v1.0/agents")
                .then()
                .statusCode(403);
        withKey(keys.get(Role.ADMIN_KEY))
                .body(Map.of("permission", Permission.PROJECT_SUPER_ADMIN))
                .put("/v1.0/agents/" + target.id() + "/permission")
                .then()
                .statusCode(403);
        withKey(keys.get(Role.ADMIN_KEY))
                .body(Map.of("permission", Permission.CUSTOMER_ADMIN))
                .put("/v1.0/agents/" + target.id() + "/permission")
                .then()
                .statusCode(200);

        // Keys: an admin (agent or key) makes them, up to what it may grant; a manager (agent or key) makes none.
        Map<String, Object> superKey =
                Map.of("expire", 86_400, "permission", Permission.PROJECT_SUPER_ADMIN | Permission.CUSTOMER_ADMIN);
        as(callers.get(Role.ADMIN))
                .body(superKey)
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(403)
                .body("error.status", equalTo("PERMISSION_DENIED"));
        withKey(keys.get(Role.ADMIN_KEY))
                .body(superKey)
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(403);
        withKey(keys.get(Role.ADMIN_KEY))
                .body(Map.of("expire", 86_400))
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(200)
                .body("permission", equalTo((int) Permission.CUSTOMER_ADMIN));
        as(callers.get(Role.MANAGER))
                .body(Map.of("expire", 86_400, "permission", Permission.CUSTOMER_MANAGER))
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(403);
        withKey(keys.get(Role.MANAGER_KEY))
                .body(Map.of("expire", 86_400, "permission", Permission.CUSTOMER_MANAGER))
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(403);
        withKey(keys.get(Role.MANAGER_KEY)).get("/v1.0/accesskeys").then().statusCode(403);
        // A customer's settings are its admins': a manager key is refused where a manager is.
        withKey(keys.get(Role.MANAGER_KEY))
                .get("/v1.0/customers/" + customer + "/webhook")
                .then()
                .statusCode(403);
        withKey(keys.get(Role.ADMIN_KEY))
                .get("/v1.0/customers/" + customer + "/webhook")
                .then()
                .statusCode(404)
                .body("error.reason", equalTo("WEBHOOK_NOT_FOUND"));
    }

    @Test
    void aManagerCannotTakeOverAnAdmin() {
        TestAgents.Seeded manager = callers.get(Role.MANAGER);
        UUID admin = callers.get(Role.ADMIN).id();
        setPermission(manager, admin, Permission.CUSTOMER_AGENT).then().statusCode(403);
        as(manager)
                .body(Map.of("password", "taken-over-now"))
                .put("/v1.0/agents/" + admin + "/password")
                .then()
                .statusCode(403);
        as(manager).delete("/v1.0/agents/" + admin).then().statusCode(403);
        // Profile and status of an admin are a manager's to keep tidy.
        as(manager)
                .body(Map.of("status", "away"))
                .put("/v1.0/agents/" + admin + "/status")
                .then()
                .statusCode(200);

        String managerKey = keys.get(Role.MANAGER_KEY);
        withKey(managerKey)
                .body(Map.of("permission", Permission.CUSTOMER_AGENT))
                .put("/v1.0/agents/" + admin + "/permission")
                .then()
                .statusCode(403);
        withKey(managerKey)
                .body(Map.of("password", "taken-over-now"))
                .put("/v1.0/agents/" + admin + "/password")
                .then()
                .statusCode(403);
        withKey(managerKey).delete("/v1.0/agents/" + admin).then().statusCode(403);
        TestAgents.login(callers.get(Role.ADMIN).username(), TestAgents.PASSWORD);
    }

    @Test
    void theLastAdminCanBeNeitherDeletedNorDemoted() {
        TestAgents.Seeded admin = callers.get(Role.ADMIN);
        TestAgents.Seeded superadmin = callers.get(Role.SUPERADMIN);
        as(superadmin)
                .delete("/v1.0/agents/" + admin.id())
                .then()
                .statusCode(409)
                .body("error.status", equalTo("FAILED_PRECONDITION"))
                .body("error.reason", equalTo("LAST_ADMIN"));
        setPermission(admin, admin.id(), Permission.CUSTOMER_MANAGER).then().statusCode(409);
        setPermission(admin, admin.id(), Permission.CUSTOMER_ADMIN | Permission.CUSTOMER_MANAGER)
                .then()
                .statusCode(200);

        TestAgents.Seeded second = seeds.seed(customer, Permission.CUSTOMER_ADMIN);
        as(admin).delete("/v1.0/agents/" + second.id()).then().statusCode(200);
        as(superadmin).delete("/v1.0/agents/" + admin.id()).then().statusCode(409);
    }

    @Test
    void twoAdminsDeletingEachOtherAtOnceLeaveOneAdmin() {
        for (int round = 0; round < 10; round++) {
            UUID tenant = UUID.randomUUID();
            TestAgents.Seeded a = seeds.seed(tenant, Permission.CUSTOMER_ADMIN);
            TestAgents.Seeded b = seeds.seed(tenant, Permission.CUSTOMER_ADMIN);
            var one = CompletableFuture.supplyAsync(
                    () -> as(a).delete("/v1.0/agents/" + b.id()).statusCode());
            var two = CompletableFuture.supplyAsync(
                    () -> as(b).delete("/v1.0/agents/" + a.id()).statusCode());
            List<Integer> codes = Stream.of(one.join(), two.join()).sorted().toList();
            // The loser either saw the other admin gone (409 LAST_ADMIN) or was itself deleted first (401).
            Assertions.assertTrue(codes.equals(List.of(200, 401)) || codes.equals(List.of(200, 409)), "got " + codes);
            Assertions.assertEquals(
                    1,
                    Stream.of(a, b)
                            .filter(agent -> as(agent).get("/v1.0/me").statusCode() == 200)
                            .count());
        }
    }

    private Response setPermission(TestAgents.Seeded caller, UUID target, long permission) {
        return as(caller).body(Map.of("permission", permission)).put("/v1.0/agents/" + target + "/permission");
    }

    private Response createWith(TestAgents.Seeded caller, long permission) {
        return as(caller)
                .body(Map.of("username", AgentCrudTest.email(), "password", "password1234", "permission", permission))
                .post("/v1.0/agents");
    }
}
