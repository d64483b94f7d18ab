package dev.agentbin.api.benchmark;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.common.SyntheticLambdaContext;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaRecorder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The warm path, in-process through the Lambda handler (API Gateway v2 events into
 * {@link AmazonLambdaRecorder#handle}, as Lambda's runtime calls it): GET /v1.0/agents/{id},
 * GET /v1.0/agents?page_size=100 over 100 agents with 3 addresses and 2 tags each, PUT .../status. Each is
 * paired, request by request, with plain JDBC reading (and for the PUT, writing) the same rows on one
 * connection with the same URL and credentials: the floor of what any data layer must do. Reports p50,
 * p99, the ratio of the p50s and the statements per request. A benchmark, not a test: it asserts nothing
 * but that the requests succeed, and runs only when asked (docs/benchmarks.md).
 */
@QuarkusTest
@Tag("benchmark")
class WarmPathBenchmark {

    static final int WARMUP = 300;
    static final int RUNS = 2000;
    static final int AGENTS = 100;

    @Inject
    TestAgents seeds;

    @Inject
    SessionFactory sessions;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void warmPath() throws Exception {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        try (Connection jdbc = DriverManager.getConnection(url, username, password)) {
            List<UUID> agents = seedAgents(jdbc, admin.customerId());
            UUID target = agents.get(AGENTS / 2);
            Floor floor = new Floor(jdbc, admin.id());
            String[] statuses = {"away", "available"};
            int[] turn = {0};

            Map<String, Case> cases = new LinkedHashMap<>();
            cases.put(
                    "GET /v1.0/agents/{id}",
                    new Case(
                            () -> event("GET", "/v1.0/agents/" + target, "", admin.token(), null),
                            () -> floor.get(target)));
            cases.put(
                    "GET /v1.0/agents?page_size=100",
                    new Case(
                            () -> event("GET", "/v1.0/agents", "page_size=100", admin.token(), null),
                            () -> floor.list(admin.customerId(), 100)));
            cases.put(
                    "PUT /v1.0/agents/{id}/status",
                    new Case(
                            () -> event(
                                    "PUT",
                                    "/v1.0/agents/" + target + "/status",
                                    "",
                                    admin.token(),
                                    "{\"status\":\"" + statuses[turn[0]++ % 2] + "\"}"),
                            () -> floor.setStatus(target, statuses[turn[0]++ % 2])));

            StringBuilder report = new StringBuilder(String.format(
                    "%d runs after %d warm-up, request by request against JDBC%n"
                            + "request | handler p50 ms | handler p99 ms | JDBC p50 ms | JDBC p99 ms | p50 ratio | statements%n",
                    RUNS, WARMUP));
            for (Map.Entry<String, Case> entry : cases.entrySet()) {
                Case c = entry.getValue();
                List<Double> handler = new ArrayList<>();
                List<Double> plain = new ArrayList<>();
                for (int run = 0; run < WARMUP + RUNS; run++) {
                    double h = timed(() -> invoke(c.event().get()));
                    double j = timed(c.jdbc());
                    if (run >= WARMUP) {
                        handler.add(h);
                        plain.add(j);
                    }
                }
                report.append(String.format(
                        "%s | %.2f | %.2f | %.2f | %.2f | %.2fx | %d%n",
                        entry.getKey(),
                        percentile(handler, 50),
                        percentile(handler, 99),
                        percentile(plain, 50),
                        percentile(plain, 99),
                        percentile(handler, 50) / percentile(plain, 50),
                        statements(c.event().get())));
            }
            System.out.println(report);
            Files.writeString(Path.of("target/warm-path-benchmark.txt"), report);
        }
    }

    record Case(Supplier<String> event, Runnable jdbc) {}

    /** What the requests read and write, by hand: the caller re-read, the agent(s), their addresses. */
    static final class Floor {
        private final Connection connection;
        private final UUID caller;

        Floor(Connection connection, UUID caller) {
            this.connection = connection;
            this.caller = caller;
        }

        void get(UUID id) {
            run(() -> {
                rows("select * from agent_agents where id = ? and tm_delete is null", caller);
                rows("select * from agent_agents where id = ? and tm_delete is null", id);
                rows("select * from agent_addresses where agent_id = ? order by idx", id);
            });
        }

        void list(UUID customer, int pageSize) {
            run(() -> {
                rows("select * from agent_agents where id = ? and tm_delete is null", caller);
                List<Object[]> page = rows(
                        "select * from agent_agents where customer_id = ? and tm_delete is null "
                                + "order by tm_create desc, id desc limit " + pageSize,
                        customer);
                Array ids = connection.createArrayOf(
                        "uuid", page.stream().map(row -> row[0]).toArray());
                rows("select * from agent_addresses where agent_id = any (?) order by agent_id, idx", ids);
            });
        }

        void setStatus(UUID id, String status) {
            run(() -> {
                connection.setAutoCommit(false);
                try {
                    rows("select * from agent_agents where id = ? and tm_delete is null", caller);
                    rows("select * from agent_agents where id = ? and tm_delete is null for update", id);
                    try (PreparedStatement update = connection.prepareStatement(
                            "update agent_agents set status = ?, tm_update = ? where id = ?")) {
                        update.setString(1, status);
                        update.setTimestamp(2, Timestamp.from(Instant.now()));
                        update.setObject(3, id);
                        update.executeUpdate();
                    }
                    rows("select * from agent_addresses where agent_id = ? order by idx", id);
                    connection.commit();
                } finally {
                    connection.setAutoCommit(true);
                }
            });
        }

        private List<Object[]> rows(String sql, Object parameter) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, parameter);
                try (ResultSet rows = statement.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    List<Object[]> result = new ArrayList<>();
                    while (rows.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = rows.getObject(i + 1);
                        }
                        result.add(row);
                    }
                    return result;
                }
            }
        }

        private static void run(SqlWork work) {
            try {
                work.run();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        interface SqlWork {
            void run() throws SQLException;
        }
    }

    private List<UUID> seedAgents(Connection jdbc, UUID customer) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement agent = jdbc.prepareStatement("insert into agent_agents (id, customer_id, username, "
                        + "password_hash, name, detail, ring_method, status, permission, tag_ids, tm_create) "
                        + "values (?, ?, ?, 'x', ?, 'warm path', 'ringall', 'available', 16, ?, ?)");
                PreparedStatement address =
                        jdbc.prepareStatement("insert into agent_addresses (id, agent_id, customer_id, "
                                + "type, target, detail, idx, tm_create) values (?, ?, ?, 'tel', ?, '', ?, now())")) {
            Instant now = Instant.now();
            for (int i = 0; i < AGENTS; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                agent.setObject(1, id);
                agent.setObject(2, customer);
                agent.setString(3, "warm-" + id + "@example.com");
                agent.setString(4, "Agent " + i);
                agent.setArray(5, jdbc.createArrayOf("uuid", new Object[] {UUID.randomUUID(), UUID.randomUUID()}));
                agent.setTimestamp(6, Timestamp.from(now.minusSeconds(i)));
                agent.executeUpdate();
                for (int n = 0; n < 3; n++) {
                    address.setObject(1, UUID.randomUUID());
                    address.setObject(2, id);
                    address.setObject(3, customer);
                    address.setString(4, String.format("+1555%03d%04d", n, i));
                    address.setInt(5, n);
                    address.executeUpdate();
                }
            }
        }
        return ids;
    }

    private long statements(String event) {
        var statistics = sessions.getStatistics();
        statistics.clear();
        invoke(event);
        return statistics.getPrepareStatementCount();
    }

    /** Through the Lambda entry point, as Lambda's runtime calls it; fails unless the answer is 200. */
    static void invoke(String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AmazonLambdaRecorder.handle(
                    new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                    out,
                    SyntheticLambdaContext.priming());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String response = out.toString(StandardCharsets.UTF_8);
        if (!response.contains("\"statusCode\":200")) {
            throw new IllegalStateException(
                    "request failed: " + response.substring(0, Math.min(500, response.length())));
        }
    }

    static String event(String method, String path, String query, String token, String body) {
        return "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\""
                + query
                + "\",\"cookies\":[\"token=" + token + "\"],\"headers\":{\"accept\":\"application/json\""
                + (body == null ? "" : ",\"content-type\":\"application/json\"") + "},"
                + "\"requestContext\":{\"http\":{\"method\":\"" + method + "\",\"path\":\"" + path
                + "\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"benchmark\"},"
                + "\"requestId\":\"benchmark\",\"stage\":\"$default\"},\"isBase64Encoded\":false"
                + (body == null ? "" : ",\"body\":\"" + body.replace("\"", "\\\"") + "\"") + "}";
    }

    private static double timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
