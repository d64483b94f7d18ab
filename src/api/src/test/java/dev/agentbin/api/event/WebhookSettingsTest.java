package dev.agentbin.api.event;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.Api;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * /v1.0/customers/{id}/webhook through the Lambda event path. Tests run as a deployment would check
 * webhooks (https, public addresses only), so the accepted URIs are public IP literals: no DNS needed.
 */
@QuarkusTest
class WebhookSettingsTest {

    private static final String HOOK = "https://8.8.8.8/hooks/agentbin";

    @Inject
    TestAgents agents;

    @Test
    void anAdminSetsTheWebhookSeesTheSecretOnceAndRotatesIt() {
        UUID customer = UUID.randomUUID();
        TestAgents.Seeded admin = agents.seed(customer, Permission.CUSTOMER_ADMIN);

        String secret = Api.as(admin)
                .body(Map.of("webhook_uri", HOOK, "webhook_method", "post"))
                .put(path(customer))
                .then()
                .statusCode(200)
                .body("customer_id", is(customer.toString()))
                .body("webhook_uri", is(HOOK))
                .body("webhook_method", is("POST"))
                .body("signing_secret", startsWith("whsec_"))
                .extract()
                .path("signing_secret");

        Api.as(admin)
                .get(path(customer))
                .then()
                .statusCode(200)
                .body("webhook_uri", is(HOOK))
                .body("signing_secret", nullValue());
        Api.as(admin)
                .body(Map.of("webhook_uri", HOOK + "/v2", "webhook_method", "PUT"))
                .put(path(customer))
                .then()
                .statusCode(200)
                .body("webhook_method", is("PUT"))
                .body("signing_secret", nullValue());

        String rotated = Api.as(admin)
                .post(path(customer) + "/secret")
                .then()
                .statusCode(200)
                .body("webhook_uri", is(HOOK + "/v2"))
                .extract()
                .path("signing_secret");
        assertNotEquals(secret, rotated);

        Api.as(admin).delete(path(customer)).then().statusCode(200);
        Api.as(admin).get(path(customer)).then().statusCode(404).body("error.reason", is("WEBHOOK_NOT_FOUND"));
    }

    @Test
    void onlyTheCustomersAdminsOrASuperadminMayTouchIt() {
        UUID customer = UUID.randomUUID();
        TestAgents.Seeded admin = agents.seed(customer, Permission.CUSTOMER_ADMIN);
        TestAgents.Seeded manager = agents.seed(customer, Permission.CUSTOMER_MANAGER);
        TestAgents.Seeded otherAdmin = agents.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        TestAgents.Seeded superadmin = agents.seed(UUID.randomUUID(), Permission.PROJECT_SUPER_ADMIN);
        Map<String, String> body = Map.of("webhook_uri", HOOK);

        Api.as(manager).body(body).put(path(customer)).then().statusCode(403);
        Api.as(otherAdmin)
                .body(body)
                .put(path(customer))
                .then()
                .statusCode(404)
                .body("error.reason", is("CUSTOMER_NOT_FOUND"));
        Api.as(superadmin).body(body).put(path(customer)).then().statusCode(200).body("webhook_method", is("POST"));
        Api.as(otherAdmin).get(path(customer)).then().statusCode(404).body("error.reason", is("WEBHOOK_NOT_FOUND"));
        Api.as(manager).get(path(customer)).then().statusCode(403);
        Api.as(manager).post(path(customer) + "/secret").then().statusCode(403);
        Api.as(admin).get(path(customer)).then().statusCode(200).body("webhook_uri", is(HOOK));
    }

    @Test
    void deployedWebhooksMustBeHttpsOnAPublicAddress() {
        UUID customer = UUID.randomUUID();
        TestAgents.Seeded admin = agents.seed(customer, Permission.CUSTOMER_ADMIN);
        for (String refused : new String[] {
            "http://8.8.8.8/hook",
            "https://127.0.0.1/hook",
            "https://10.0.0.8/hook",
            "https://169.254.169.254/latest/meta-data",
            "not a url"
        }) {
            Api.as(admin)
                    .body(Map.of("webhook_uri", refused))
                    .put(path(customer))
                    .then()
                    .statusCode(400)
                    .body("error.reason", is("INVALID_WEBHOOK_URI"));
        }
        Api.as(admin)
                .body(Map.of("webhook_uri", HOOK, "webhook_method", "GET"))
                .put(path(customer))
                .then()
                .statusCode(400);
        String reason = Api.as(admin)
                .get(path(customer))
                .then()
                .statusCode(404)
                .extract()
                .path("error.reason");
        assertEquals("WEBHOOK_NOT_FOUND", reason, "nothing was stored");
    }

    /** An admin must not learn which internal names exist or where they point by the answer's wording. */
    @Test
    void everyRefusedHostGetsTheSameAnswer() {
        UUID customer = UUID.randomUUID();
        TestAgents.Seeded admin = agents.seed(customer, Permission.CUSTOMER_ADMIN);
        for (String refused : new String[] {
            "https://no-such-host.invalid/hook",
            "https://localhost/hook",
            "https://127.0.0.1/hook",
            "https://10.0.0.8/hook",
            "https://[::ffff:10.0.0.8]/hook",
            "https://[64:ff9b::a00:8]/hook",
            "https://[2002:a00:8::1]/hook",
            "https://[fd00::1]/hook",
            "https://192.0.2.1/hook"
        }) {
            Api.as(admin)
                    .body(Map.of("webhook_uri", refused))
                    .put(path(customer))
                    .then()
                    .statusCode(400)
                    .body("error.reason", is("INVALID_WEBHOOK_URI"))
                    .body("error.message", is("webhook_uri must be https on a host whose every address is public"));
        }
    }

    private static String path(UUID customer) {
        return "/v1.0/customers/" + customer + "/webhook";
    }
}
