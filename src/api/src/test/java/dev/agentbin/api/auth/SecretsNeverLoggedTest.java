package dev.agentbin.api.auth;

import static dev.agentbin.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.access.Permission;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.api.support.Api;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.testing.Await;
import dev.agentbin.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Never in a log (docs/operations.md, "Logs"): a whole lifecycle (login, a failed login, an agent
 * created with a password, an access key used in the query, forgot and reset, a webhook's signing secret,
 * a ring through the provider's signed webhooks), with the app's own loggers at DEBUG, and then every
 * captured line, metric lines included, is searched for each secret, for credentials in a query string and
 * for the Authorization and Cookie headers.
 */
@QuarkusTest
class SecretsNeverLoggedTest {

    private static final Pattern RESET_TOKEN = Pattern.compile("/auth/password-reset\\?token=([0-9a-f]{64})");
    private static final List<String> VERBOSE =
            List.of("dev.agentbin", "io.quarkus.amazon.lambda", "io.quarkus.vertx.http");

    @Inject
    TestAgents seeds;

    @Test
    void noSecretOfALifecycleReachesTheLog() throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        List<LogCapture.Line> lines;
        List<Level> levels = new ArrayList<>();
        VERBOSE.forEach(name -> levels.add(Logger.getLogger(name).getLevel()));
        try (LogCapture log = LogCapture.start()) {
            VERBOSE.forEach(name -> Logger.getLogger(name).setLevel(Level.FINE));
            TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
            secrets.put("the admin's password", TestAgents.PASSWORD);

            String token = TestAgents.login(admin.username(), TestAgents.PASSWORD);
            secrets.put("a token from login", token);
            secrets.put("a seeded token", admin.token());
            String wrong = "wrong-" + UUID.randomUUID();
            secrets.put("a wrong password", wrong);
            given().contentType(ContentType.JSON)
                    .body(Map.of("username", admin.username(), "password", wrong))
                    .post("/auth/login")
                    .then()
                    .statusCode(401);
            given().cookie("token", token).get("/v1.0/me").then().statusCode(200);
            given().get("/v1.0/me?token=" + token).then().statusCode(200);

            String agentPassword = "agent-pw-" + UUID.randomUUID();
            secrets.put("a new agent's password", agentPassword);
            String username = "agent-" + UUID.randomUUID() + "@example.com";
            String agentId = as(token)
                    .body(Map.of(
                            "username",
                            username,
                            "password",
                            agentPassword,
                            "name",
                            "agent",
                            "ring_method",
                            "ringall",
                            "permission",
                            0,
                            "addresses",
                            List.of()))
                    .post("/v1.0/agents")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("id");

            String accessKey = Api.createKey(admin, null);
            secrets.put("an access key", accessKey);
            Api.withKey(accessKey).get("/v1.0/agents").then().statusCode(200);
            Api.withKey(accessKey + "x").get("/v1.0/agents").then().statusCode(401);

            given().contentType(ContentType.JSON)
                    .body(Map.of("username", username))
                    .post("/auth/password-forgot")
                    .then()
                    .statusCode(200);
            List<FakeSes.Sent> mails = FakeSes.start().sentTo(username);
            assertEquals(1, mails.size());
            Matcher link = RESET_TOKEN.matcher(mails.get(0).text());
            assertTrue(link.find(), mails.get(0).text());
            secrets.put("a reset token", link.group(1));
            given().get("/auth/password-reset?token=" + link.group(1)).then().statusCode(200);
            String newPassword = "reset-pw-" + UUID.randomUUID();
            secrets.put("a password set by reset", newPassword);
            given().contentType(ContentType.JSON)
                    .body(Map.of("token", link.group(1), "password", newPassword))
                    .post("/auth/password-reset")
                    .then()
                    .statusCode(200);
            secrets.put("the agent's token after reset", TestAgents.login(username, newPassword));

            String signingSecret = as(token)
                    .body(Map.of("webhook_uri", "https://8.8.8.8/hooks/agentbin", "webhook_method", "post"))
                    .put("/v1.0/customers/" + admin.customerId() + "/webhook")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("signing_secret");
            secrets.put("a webhook signing secret", signingSecret);

            UUID ringable = seeds.seedRingable(
                    admin.customerId(),
                    List.of(new Address(
                            AddressType.SIP,
                            "agent-" + UUID.randomUUID() + "@pbx.example.com",
                            null,
                            null,
                            "sim:answer:100",
                            null)),
                    0,
                    3);
            String call = as(token)
                    .body(Map.of("agent_id", ringable, "source", "+15550001000"))
                    .post("/v1.0/agentcalls")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            Await.until(
                    "the ring to be answered",
                    () -> as(token)
                            .get("/v1.0/agentcalls/" + call)
                            .then()
                            .extract()
                            .path("status"),
                    "answered"::equals);
            as(token).post("/v1.0/agentcalls/" + call + "/hangup").then().statusCode(200);
            as(token).get("/v1.0/agents/" + agentId).then().statusCode(200);
            lines = log.lines();
        } finally {
            for (int i = 0; i < VERBOSE.size(); i++) {
                Logger.getLogger(VERBOSE.get(i)).setLevel(levels.get(i));
            }
        }
        ConfigProvider.getConfig()
                .getOptionalValue("agentbin.telephony.simulator.secret", String.class)
                .ifPresent(secret -> secrets.put("the simulator's signing secret", secret));
        secrets.put(
                "Twilio's auth token",
                ConfigProvider.getConfig().getValue("agentbin.telephony.twilio.auth-token", String.class));

        assertTrue(lines.size() > 10, "the lifecycle was logged: " + lines);
        for (LogCapture.Line line : lines) {
            String text = line.everything();
            secrets.forEach((what, secret) -> assertTrue(!text.contains(secret), what + " in the log: " + line));
            for (String leak : List.of("?token=", "accesskey=", "Bearer ", "Authorization:", "Cookie:", "token=ey")) {
                assertTrue(!text.contains(leak), "\"" + leak + "\" in the log: " + line);
            }
        }
    }
}
