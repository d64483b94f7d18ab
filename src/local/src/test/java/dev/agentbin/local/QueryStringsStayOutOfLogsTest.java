package dev.agentbin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.agentbin.local.support.Http;
import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import dev.agentbin.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The reference's clients send access keys and tokens in the query (?accesskey=, ?token=): nothing the
 * application logs may hold a query string, the HTTP access log included when an operator turns it on.
 */
@QuarkusTest
@TestProfile(QueryStringsStayOutOfLogsTest.AccessLogOn.class)
class QueryStringsStayOutOfLogsTest {

    public static class AccessLogOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.access-log.enabled", "true");
        }
    }

    @Inject
    Tenants tenants;

    @Test
    void noLogLineHoldsAKeyOrTokenSentInTheQuery() {
        Tenant tenant = tenants.create();
        String key = Http.post(tenant.token(), "/v1.0/accesskeys", Map.of("name", "pbx", "expire", 86_400))
                .text("token");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getParameters() == null
                        ? record.getMessage()
                        : java.text.MessageFormat.format(record.getMessage(), record.getParameters());
                lines.add(record.getLoggerName() + " " + message
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            assertEquals(
                    200,
                    Http.get(null, "/v1.0/agents?accesskey=" + key + "&page_size=10")
                            .status());
            assertEquals(
                    401, Http.get(null, "/v1.0/agents?accesskey=" + key + "x").status());
            assertEquals(
                    200, Http.get(null, "/v1.0/agents?token=" + tenant.token()).status());
            assertEquals(
                    400,
                    Http.get(null, "/v1.0/agentcalls?agent_id=nope&accesskey=" + key)
                            .status());
            Await.until(
                    "the access log line of the last request",
                    () -> lines.stream().anyMatch(line -> line.contains("/v1.0/agentcalls")));
        } finally {
            root.removeHandler(capture);
        }
        for (String line : lines) {
            assertFalse(
                    line.contains(key) || line.contains(tenant.token()) || line.contains("accesskey="),
                    "logged: " + line);
        }
    }
}
