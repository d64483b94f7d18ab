package dev.agentbin.api.web;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.agentbin.access.Permission;
import dev.agentbin.api.support.Api;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.telephony.simulator.SimulatorSignature;
import dev.agentbin.telephony.twilio.TwilioSignature;
import dev.agentbin.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The guard: every route of functions.yaml against a battery of hostile bodies, fields, ids, query
 * parameters and headers. For every answer: never a 5xx; every 4xx in the error envelope; no stack trace
 * or SQL in any body; and after a refused write, the sweep customer's rows (agents, addresses, agentcalls,
 * access keys, tags) exactly as they were. Then every credential kind (a token or an access key, each way it can
 * travel, of an admin, a manager and a plain agent) on every route: never a 5xx there either. And every refusal
 * is one the API's document (openapi/openapi.yaml) lists for its route: that status, with that reason.
 */
@QuarkusTest
class ErrorSweepTest {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Catalog(List<Function> functions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Function(String module, List<String> routes) {}

    /** Text that must never reach a client: Java stack frames, exception names, SQL. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(\\bat [a-z]+\\.[a-z]+\\.|exception|org\\.hibernate|org\\.postgresql|\\bselect\\b.*\\bfrom\\b|\\binsert into\\b|\\bupdate\\b.*\\bset\\b|psql|sqlstate)");

    private static final String DEEP_ARRAY = "[".repeat(3000) + "]".repeat(3000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);

    /** JSON values tried in every field a route reads: wrong types, nulls, NUL, huge, overflowing, invalid ids. */
    private static final List<String> VALUES = List.of(
            "null",
            "\"\"",
            "\"x\"",
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"\\ud800\"",
            "\"" + "h".repeat(60_000) + "\"",
            "-1",
            "0",
            "3",
            "1.5",
            "1e400",
            "99999999999999999999999999",
            "-9223372036854775809",
            "true",
            "[]",
            "{}",
            "[null]",
            "[\"not-a-uuid\"]",
            "\"not-a-uuid\"",
            "\"00000000-0000-0000-0000-000000000000\"",
            "\"+300000-01-01T00:00:00Z\"",
            "{\"$gt\":\"\"}",
            DEEP_ARRAY);

    /** Whole bodies tried on every route that takes one. */
    private static final List<String> BODIES = List.of(
            "",
            "null",
            "[]",
            "123",
            "\"text\"",
            "true",
            "{",
            "{\"a\":",
            "{}{}",
            "{} trailing",
            "{\"a\":1,\"a\":1}",
            "\u0000",
            DEEP_ARRAY,
            DEEP_OBJECT,
            "{\"x\":\"" + "b".repeat(300_000) + "\"}");

    /** The fields each route's body has, with a valid body to put one hostile field into. */
    private static final Map<String, Map<String, Object>> FIELDS = Map.ofEntries(
            Map.entry(
                    "POST /auth/login",
                    Map.of("username", "\"nobody@example.com\"", "password", "\"not-the-password\"")),
            Map.entry(
                    "POST /auth/password-reset",
                    Map.of("token", "\"" + "0".repeat(64) + "\"", "password", "\"a-long-password\"")),
            Map.entry(
                    "POST /v1.0/agents",
                    Map.ofEntries(
                            Map.entry("username", "\"sweep@example.com\""),
                            Map.entry("password", "\"a-long-password\""),
                            Map.entry("name", "\"n\""),
                            Map.entry("detail", "\"d\""),
                            Map.entry("ring_method", "\"ringall\""),
                            Map.entry("permission", "16"),
                            Map.entry("tag_ids", "[]"),
                            Map.entry("addresses", "[]"),
                            Map.entry("wrapup_seconds", "0"),
                            Map.entry("max_no_answer", "3"),
                            Map.entry("customer_id", "null"))),
            Map.entry("PUT /v1.0/agents/{id}", profile()),
            Map.entry("PUT /v1.0/service_agents/me", profile()),
            Map.entry("PUT /v1.0/agents/{id}/tag_ids", Map.of("tag_ids", "[]")),
            Map.entry("PUT /v1.0/agents/{id}/status", Map.of("status", "\"away\"")),
            Map.entry("PUT /v1.0/service_agents/me/status", Map.of("status", "\"away\"")),
            Map.entry("PUT /v1.0/agents/{id}/permission", Map.of("permission", "16")),
            Map.entry(
                    "POST /v1.0/agentcalls",
                    Map.of(
                            "agent_id",
                            "\"AGENT\"",
                            "source",
                            "\"+15550100000\"",
                            "reference_id",
                            "\"r\"",
                            "ring_timeout",
                            "30",
                            "join_target",
                            "\"j\"")),
            Map.entry(
                    "POST /v1.0/accesskeys",
                    Map.of("name", "\"n\"", "detail", "\"d\"", "expire", "86400", "permission", "16")),
            Map.entry("PUT /v1.0/accesskeys/{id}", Map.of("name", "\"n\"", "detail", "\"d\"")),
            Map.entry("POST /v1.0/tags", Map.of("name", "\"n\"", "detail", "\"d\"")),
            Map.entry("PUT /v1.0/tags/{id}", Map.of("name", "\"n\"", "detail", "\"d\"")));

    /** Fields of one address, tried inside an otherwise valid addresses array. */
    private static final Map<String, Object> ADDRESS = Map.of(
            "type",
            "\"tel\"",
            "target",
            "\"+15550100777\"",
            "target_name",
            "\"t\"",
            "name",
            "\"n\"",
            "detail",
            "\"sim:no-answer\"");

    private static final Map<String, Object> SIMULATOR_EVENT = Map.of(
            "leg_id",
            "\"LEG\"",
            "call_id",
            "\"SIM1\"",
            "kind",
            "\"RINGING\"",
            "detail",
            "\"ringing\"",
            "occurred_at",
            "\"2024-01-01T00:00:00Z\"");

    private static final List<String> IDS = List.of(
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "%00",
            "%2e%2e",
            "1-2-3-4-5",
            "a".repeat(300),
            UUID.randomUUID().toString(),
            "5e4a0680-804e-11ec-8477-2fea5968d85b%00");

    private static final Map<String, List<String>> QUERY = Map.of(
            "page_size", List.of("abc", "-1", "99999999999999999999", "1.5", "%00", ""),
            "page_token",
                    List.of(
                            "x",
                            "+300000-01-01T00:00:00Z",
                            "-5000-01-01T00:00:00Z",
                            "2024-01-01T00:00:00Z_not-a-uuid",
                            "%00",
                            "2024-13-45T99:99:99Z"),
            "status", List.of("ringing%00", "AVAILABLE", "1", ""),
            "tag_ids", List.of("", ",", "not-a-uuid", "00000000-0000-0000-0000-000000000000"),
            "token", List.of("garbage", "a.b.c", "%00"),
            "accesskey", List.of("garbage", "ak_" + "A".repeat(43), "%00", "a".repeat(3000)),
            "leg", List.of("not-a-uuid", "%00", ""),
            "agent_id", List.of("", "not-a-uuid", "%00"),
            "from", List.of("yesterday", "2026-01-01T00:00:00", "+300000-01-01T00:00:00Z", "%00", ""),
            "to", List.of("-5000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "0"));

    @Inject
    TestAgents seeds;

    @Inject
    EntityManager db;

    private TestAgents.Seeded admin;
    /** The admin's password as the sweep last set it: a change of one's own password must name it. */
    private String adminPassword = TestAgents.PASSWORD;
    /** Where a body takes the admin's password as it is when the body is sent. */
    private static final String CURRENT = "<current>";
    /** How send() authenticates the routes that are not public: the admin's token as a header (the credential sweep sends its own). */
    private java.util.function.UnaryOperator<RequestSpecification> credential;

    private String target;
    /** The route being swept, "METHOD /path" as functions.yaml and the document name it. */
    private String route;

    private JsonNode document;
    private int tried;
    private int lastStatus;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    private static Map<String, Object> profile() {
        return Map.of(
                "name",
                "\"n\"",
                "detail",
                "\"d\"",
                "ring_method",
                "\"ringall\"",
                "wrapup_seconds",
                "0",
                "max_no_answer",
                "3");
    }

    @Test
    void noRouteAnswers5xxOrOutsideTheEnvelopeOrChangesDataWhenItRefuses() throws IOException {
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        credential = spec -> spec.header("Authorization", "Bearer " + admin.token());
        target = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT).id().toString();
        List<String[]> routes = routes();

        for (String[] route : routes) {
            String method = route[0];
            String path = route[1];
            this.route = method + " " + path;
            boolean hasBody = method.equals("POST") || method.equals("PUT");
            if (hasBody) {
                BODIES.forEach(body -> send(method, path, json(body)));
                for (String body : fieldsOf(method + " " + path)) {
                    body = body.replace(CURRENT, new ObjectMapper().writeValueAsString(adminPassword));
                    send(method, path, json(body));
                    if (lastStatus == 200 && path.equals("/v1.0/service_agents/me/password")) {
                        // A hostile value that is a valid password was set, revoking the admin's tokens: log in afresh.
                        adminPassword = new ObjectMapper()
                                .readTree(body)
                                .get("password")
                                .asText();
                        admin = new TestAgents.Seeded(
                                admin.id(),
                                admin.customerId(),
                                admin.username(),
                                TestAgents.login(admin.username(), adminPassword));
                    }
                }
            }
            if (path.contains("{id}")) {
                for (String id : IDS) {
                    send(
                            method,
                            path.replace("{id}", id),
                            spec -> spec.urlEncodingEnabled(false)
                                    .contentType("application/json")
                                    .body("{}"));
                }
            }
            if (path.contains("{file}")) {
                for (String file :
                        List.of("unknown.js", "%00", "..%2Fapplication.properties", "INDEX.HTML", "a".repeat(500))) {
                    send(method, path.replace("{file}", file), spec -> spec.urlEncodingEnabled(false));
                }
            }
            if (path.contains("{provider}")) {
                for (String provider : List.of("unknown", "%00", "SIMULATOR", "a".repeat(500))) {
                    send(
                            method,
                            path.replace("{provider}", provider),
                            spec -> spec.urlEncodingEnabled(false)
                                    .contentType("application/json")
                                    .body("{}"));
                }
            }
            QUERY.forEach((name, values) -> values.forEach(value -> send(
                    method,
                    path + "?" + name + "=" + value,
                    spec -> spec.urlEncodingEnabled(false)
                            .contentType("application/json")
                            .body("{}"))));
            headers().forEach(header -> send(method, path, header));
        }
        signedProviderEvents();

        String report = "error sweep: " + tried + " inputs over " + routes.size() + " routes; statuses " + statuses;
        Files.writeString(Paths.get("target/error-sweep.txt"), report + System.lineSeparator());
        System.out.println(report);
        Assertions.assertEquals(List.of(), failures, report);
    }

    private static List<String[]> routes() throws IOException {
        List<String[]> routes = new ObjectMapper(new YAMLFactory())
                .readValue(Paths.get("../../functions.yaml").toFile(), Catalog.class).functions().stream()
                        .filter(f -> "api".equals(f.module()) && f.routes() != null)
                        .flatMap(f -> f.routes().stream())
                        .map(route -> route.split(" ", 2))
                        .toList();
        Assertions.assertTrue(routes.size() >= 17, "routes from functions.yaml: " + routes.size());
        return routes;
    }

    /** Who holds a credential: an agent of the role (a token), or a key of the permission. */
    enum Holder {
        ADMIN(Permission.CUSTOMER_ADMIN),
        MANAGER(Permission.CUSTOMER_MANAGER),
        AGENT(Permission.CUSTOMER_AGENT);

        final long permission;

        Holder(long permission) {
            this.permission = permission;
        }
    }

    /** Every way a credential travels: a token by header, cookie and query; an access key by query, cookie and header. */
    enum Carrier {
        TOKEN_HEADER,
        TOKEN_COOKIE,
        TOKEN_QUERY,
        KEY_QUERY,
        KEY_COOKIE,
        KEY_HEADER;

        java.util.function.UnaryOperator<RequestSpecification> carry(String secret) {
            return switch (this) {
                case TOKEN_HEADER, KEY_HEADER -> spec -> spec.header("Authorization", "Bearer " + secret);
                case TOKEN_COOKIE -> spec -> spec.cookie("token", secret);
                case KEY_COOKIE -> spec -> spec.cookie("accesskey", secret);
                case TOKEN_QUERY -> spec -> spec.queryParam("token", secret);
                case KEY_QUERY -> spec -> spec.queryParam("accesskey", secret);
            };
        }

        boolean isKey() {
            return name().startsWith("KEY");
        }
    }

    /**
     * Every credential kind on every route, with valid input and real ids (an agent, a rung agentcall, an
     * access key, the customer): never a 5xx, every refusal in the envelope and changing nothing. The
     * hostile sweep above does not need repeating per credential; what differs by credential is the path
     * through the policy, which only valid requests reach.
     */
    @Test
    void noRouteAnswers5xxWithAnyCredential() throws IOException {
        List<String[]> routes = new ArrayList<>(routes());
        // Deletions, then password changes (which revoke the caller's token) last, so the routes before them
        // still find what they act on.
        routes.sort(java.util.Comparator.comparingInt(
                route -> route[1].endsWith("/password") ? 2 : route[0].equals("DELETE") ? 1 : 0));
        for (Carrier carrier : Carrier.values()) {
            for (Holder holder : Holder.values()) {
                admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
                credential = spec -> spec.header("Authorization", "Bearer " + admin.token());
                String agentCall = rungAgentCall();
                String key = Api.as(admin)
                        .body(Map.of("expire", 86_400))
                        .post("/v1.0/accesskeys")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("id");
                String secret = carrier.isKey()
                        ? Api.createKey(admin, holder.permission)
                        : seeds.seed(admin.customerId(), holder.permission).token();
                java.util.function.UnaryOperator<RequestSpecification> carried = carrier.carry(secret);
                // Sent on every route, the public ones (logout) included.
                credential = java.util.function.UnaryOperator.identity();
                int before = failures.size();
                for (String[] route : routes) {
                    String method = route[0];
                    this.route = method + " " + route[1];
                    String path = route[1].replace("/v1.0/agentcalls/{id}", "/v1.0/agentcalls/" + agentCall)
                            .replace("/v1.0/accesskeys/{id}", "/v1.0/accesskeys/" + key)
                            .replace("/v1.0/customers/{id}", "/v1.0/customers/" + admin.customerId());
                    if (path.equals("/v1.0/agentcalls") && method.equals("GET")) {
                        path += "?agent_id=" + target;
                    }
                    String body = validBody(method + " " + route[1]);
                    send(
                            method,
                            path,
                            spec -> carried.apply(spec)
                                    .contentType("application/json")
                                    .body(body));
                }
                for (int i = before; i < failures.size(); i++) {
                    failures.set(i, carrier + " of " + holder + ": " + failures.get(i));
                }
            }
        }
        String report = "credential sweep: " + tried + " requests; statuses " + statuses;
        System.out.println(report);
        Assertions.assertEquals(List.of(), failures, report);
    }

    /** A fresh target agent of the admin's customer, rung once (its agentcall id). */
    private String rungAgentCall() {
        target = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT).id().toString();
        Api.as(admin)
                .body(Map.of(
                        "addresses",
                        List.of(Map.of(
                                "type", "sip", "target", target + "@pbx.example.com", "detail", "sim:no-answer"))))
                .put("/v1.0/agents/" + target + "/addresses")
                .then()
                .statusCode(200);
        Api.as(admin)
                .body(Map.of("status", "available"))
                .put("/v1.0/agents/" + target + "/status")
                .then()
                .statusCode(200);
        String id = Api.as(admin)
                .body(Map.of("agent_id", target, "source", "+15550001000", "ring_timeout", 30, "join_target", "sweep"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        // The simulator reports the leg ringing on its own thread: wait for it, so that this late write does not
        // land inside a refused request's before/after snapshot and pass for a change that request made. The
        // silent leg then stays ringing for the rest of the sweep.
        Await.until(
                "the swept agentcall's leg to ring",
                () -> Api.as(admin)
                        .get("/v1.0/agentcalls/" + id)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("legs.status"),
                legs -> legs.equals(List.of("ringing")));
        return id;
    }

    /**
     * The route's valid body (its FIELDS, a password, or {}), the target agent filled in. Login, forgot and
     * reset get {}: a credential means nothing to them, and a real attempt would spend the test source's
     * failure budgets, which every later login of the run needs.
     */
    private String validBody(String route) {
        if (route.startsWith("POST /auth/")) {
            return "{}";
        }
        if (route.endsWith("/password")) {
            return "{\"password\":\"a-long-password\"}";
        }
        if (route.endsWith("/addresses")) {
            return "{\"addresses\":[]}";
        }
        Map<String, Object> base = FIELDS.get(route);
        if (base == null) {
            return "{}";
        }
        String field = base.keySet().iterator().next();
        return object(base, field, base.get(field).toString());
    }

    /** Each field of the route's body replaced by each hostile value, the rest of the body valid. */
    private List<String> fieldsOf(String route) {
        List<String> bodies = new ArrayList<>();
        String key = route.replace("/v1.0/agents/{id}/password", "PASSWORD")
                .replace("/v1.0/service_agents/me/password", "PASSWORD");
        if (key.endsWith("PASSWORD")) {
            // On the self-service route the current password is valid, so each hostile new one meets the
            // password rules rather than the missing-current-password refusal.
            String current =
                    route.endsWith("/service_agents/me/password") ? "\"current_password\":" + CURRENT + "," : "";
            VALUES.forEach(value -> bodies.add("{" + current + "\"password\":" + value + "}"));
        } else if (route.endsWith("/addresses")) {
            ADDRESS.keySet()
                    .forEach(field -> VALUES.forEach(
                            value -> bodies.add("{\"addresses\":[" + object(ADDRESS, field, value) + "]}")));
            VALUES.forEach(value -> bodies.add("{\"addresses\":" + value + "}"));
        } else if (FIELDS.containsKey(route)) {
            Map<String, Object> base = FIELDS.get(route);
            base.keySet().forEach(field -> VALUES.forEach(value -> bodies.add(object(base, field, value))));
        }
        return bodies;
    }

    private String object(Map<String, Object> base, String field, String value) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        body.put(field, value);
        StringBuilder json = new StringBuilder("{");
        body.forEach((name, literal) -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":")
                .append(literal.toString().replace("AGENT", target).replace("sweep@", UUID.randomUUID() + "@")));
        return json.append('}').toString();
    }

    private static java.util.function.UnaryOperator<RequestSpecification> json(String body) {
        return spec -> spec.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Hostile headers: wrong or missing Content-Type, broken credentials, oversize values. */
    private List<java.util.function.UnaryOperator<RequestSpecification>> headers() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        return List.of(
                spec -> spec.contentType("text/plain").body(body),
                spec -> spec.contentType("application/xml").body(body),
                spec -> spec.contentType("application/json; charset=utf-16").body(body),
                spec -> spec.contentType("garbage").body(body),
                spec -> spec.body(body),
                spec -> spec.contentType("application/json")
                        .accept("text/plain")
                        .body(body),
                spec -> spec.contentType("application/json")
                        .header("Authorization", "Bearer garbage")
                        .body(body),
                spec -> spec.contentType("application/json")
                        .header("Authorization", "Bearer " + "a".repeat(3000))
                        .body(body),
                spec -> spec.contentType("application/json")
                        .header("Authorization", "Basic Zm9vOmJhcg==")
                        .body(body),
                spec -> spec.contentType("application/json")
                        .cookie("token", "garbage")
                        .body(body),
                spec -> spec.contentType("application/json")
                        .cookie("accesskey", "garbage")
                        .body(body),
                spec -> spec.contentType("application/json")
                        .header("Idempotency-Key", "k".repeat(300))
                        .body(body),
                spec -> spec.contentType("application/json")
                        .header("X-Padding", "p".repeat(20_000))
                        .body(body));
    }

    /** Bodies that pass the provider's signature, so the validation behind it is what is swept. */
    private void signedProviderEvents() {
        this.route = "POST /v1.0/telephony/{provider}/events";
        for (String field : SIMULATOR_EVENT.keySet()) {
            for (String value : VALUES) {
                byte[] body = object(SIMULATOR_EVENT, field, value)
                        .replace("LEG", UUID.randomUUID().toString())
                        .getBytes(StandardCharsets.UTF_8);
                send(
                        "POST",
                        "/v1.0/telephony/simulator/events",
                        spec -> spec.contentType("application/json")
                                .header(
                                        SimulatorSignature.HEADER,
                                        SimulatorSignature.sign("simulator-local-secret", body))
                                .body(body));
            }
        }
        for (String route : List.of("events", "answer")) {
            this.route = "POST /v1.0/telephony/{provider}/" + route;
            for (String field : List.of("CallSid", "CallStatus", "Timestamp")) {
                for (String value : List.of(
                        "",
                        "\u0000",
                        "x".repeat(60_000),
                        "ringing",
                        "in-progress",
                        "%",
                        "Tue, 99 Foo 300000 25:61:61 +0000")) {
                    String leg = UUID.randomUUID().toString();
                    Map<String, String> form =
                            new LinkedHashMap<>(Map.of("CallSid", "CA" + "0".repeat(32), "CallStatus", "ringing"));
                    form.put(field, value);
                    Map<String, List<String>> params = new java.util.HashMap<>();
                    form.forEach((name, v) -> params.put(name, List.of(v)));
                    String signature = TwilioSignature.compute(
                            "test-auth-token",
                            "https://agentbin.example.com/v1.0/telephony/twilio/" + route + "?leg=" + leg,
                            params);
                    send(
                            "POST",
                            "/v1.0/telephony/twilio/" + route + "?leg=" + leg,
                            spec -> spec.contentType("application/x-www-form-urlencoded")
                                    .formParams(form)
                                    .header("X-Twilio-Signature", signature));
                }
            }
        }
    }

    /** The reset form is a page for a browser: its refusal is that page, with the error announced. */
    private static boolean isResetPageRefusal(String method, String path, Response response) {
        return method.equals("GET")
                && path.startsWith("/auth/password-reset")
                && String.valueOf(response.contentType()).startsWith("text/html")
                && response.asString().contains("role=\"alert\"");
    }

    private void send(String method, String path, java.util.function.UnaryOperator<RequestSpecification> input) {
        String resolved =
                path.replace("{id}", target).replace("{provider}", "simulator").replace("{file}", "index.html");
        boolean write = !method.equals("GET");
        String before = write ? snapshot() : null;
        RequestSpecification spec = given();
        if (!resolved.startsWith("/auth/") && !resolved.startsWith("/v1.0/telephony/")) {
            spec = credential.apply(spec);
        }
        Response response = input.apply(spec).request(method, resolved);
        tried++;
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String body = response.asString();
        String what = method + " " + abbreviate(resolved) + " -> " + status + " " + abbreviate(body);
        if (status >= 500) {
            failures.add("5xx: " + what);
        } else if (status >= 400) {
            if (!isEnvelope(response) && !isResetPageRefusal(method, resolved, response)) {
                failures.add("not in the envelope: " + what);
            }
            if (write && !before.equals(snapshot())) {
                failures.add("refused but changed the database: " + what);
            }
            String undocumented = undocumented(
                    status, isEnvelope(response) ? response.jsonPath().getString("error.reason") : null);
            if (undocumented != null) {
                failures.add("not in the API's document: " + undocumented + ": " + what);
            }
        }
        if (LEAK.matcher(body).find()) {
            failures.add("leaks internals: " + what);
        }
        lastStatus = status;
    }

    /**
     * Null when the document lists this status for the route, with this reason in its description; else what it
     * lacks. ROUTE_NOT_FOUND is no route's answer: a hostile id or file name made the path match none.
     */
    private String undocumented(int status, String reason) {
        if ("ROUTE_NOT_FOUND".equals(reason) && !route.equals("GET /console/{file}")) {
            return null;
        }
        if (document == null) {
            try {
                document = new ObjectMapper(new YAMLFactory()).readTree(OpenApiDocumentTest.COMMITTED.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String[] methodAndPath = route.split(" ", 2);
        JsonNode answer = document.path("paths")
                .path(methodAndPath[1])
                .path(methodAndPath[0].toLowerCase())
                .path("responses")
                .path(String.valueOf(status));
        if (answer.has("$ref")) {
            answer = document.path("components")
                    .path("responses")
                    .path(answer.get("$ref").asText().replaceAll(".*/", ""));
        }
        if (answer.isMissingNode()) {
            return route + " answers " + status;
        }
        if (reason != null && !answer.path("description").asText().contains("`" + reason + "`")) {
            return route + " answers " + status + " " + reason;
        }
        return null;
    }

    private static boolean isEnvelope(Response response) {
        try {
            return response.contentType().contains("json")
                    && response.jsonPath().getString("error.status") != null
                    && response.jsonPath().getString("error.reason") != null
                    && response.jsonPath().getString("error.message") != null
                    && response.jsonPath().getString("error.request_id") != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every row of the sweep's customer (agents, addresses, agentcalls and their legs, keys, tags) as one digest. */
    @Transactional
    String snapshot() {
        return (String) db.createNativeQuery("select md5(coalesce(string_agg(r, ',' order by r), '')) from ("
                        + " select a::text r from agent_agents a where customer_id = ?1"
                        + " union all select d::text from agent_addresses d where customer_id = ?1"
                        + " union all select c::text from agent_calls c where customer_id = ?1"
                        + " union all select l::text from agent_call_legs l join agent_calls c on c.id = l.agent_call_id where c.customer_id = ?1"
                        + " union all select k::text from customer_accesskeys k where customer_id = ?1"
                        + " union all select g::text from tag_tags g where customer_id = ?1) t")
                .setParameter(1, admin.customerId())
                .getSingleResult();
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
