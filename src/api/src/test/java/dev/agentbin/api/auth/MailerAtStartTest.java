package dev.agentbin.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.mail.Mailer;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Forgot's padding must cover the mail on every instance, the first request of a fresh one included: an
 * SES client built at the first mail (class loading, endpoint rules, HTTP client) can take longer than the
 * padding, and then the first forgot for a known username answers later than one for an unknown username.
 * The mailer is made when the app starts instead (under SnapStart, before the snapshot).
 */
@QuarkusTest
@TestProfile(MailerAtStartTest.FreshApp.class)
class MailerAtStartTest {

    /** A profile of its own: the app starts afresh for this class, and no forgot ran in it before. */
    public static class FreshApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("agentbin.password-reset.forgot-duration", "1s");
        }
    }

    @Inject
    TestAgents seeds;

    @Test
    void theMailerIsMadeBeforeTheFirstForgotOfAFreshInstance() throws Exception {
        assertTrue(mailerMade(), "the mailer (and its SES client) is made before the first request, not by it");

        TestAgents.Seeded agent = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_AGENT);
        Response known = RestAssured.given()
                .contentType("application/json")
                .body(Map.of("username", agent.username()))
                .post("/auth/password-forgot");
        known.then().statusCode(200);
        assertTrue(known.time() >= 1000, "answered in " + known.time() + " ms");
        assertEquals(1, FakeSes.start().sentTo(agent.username()).size());
    }

    /** Whether the singleton Mailer has been made: asking the container for it would make it. */
    private static boolean mailerMade() {
        return Arc.container().getActiveContext(Singleton.class).getState().getContextualInstances().keySet().stream()
                .anyMatch(bean -> bean.getTypes().contains(Mailer.class));
    }
}
