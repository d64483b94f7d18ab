package dev.agentbin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.local.support.Http;
import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's access-key walkthrough, on the real HTTP server: make a key, list agents with it, delete it, refused. */
@QuarkusTest
class AccessKeyWalkthroughTest {

    @Inject
    Tenants tenants;

    @Test
    void createUseDeleteThenRefused() {
        Tenant tenant = tenants.create();
        Http.Response created = Http.post(
                tenant.token(),
                "/v1.0/accesskeys",
                Map.of("name", "pbx", "detail", "rings agents", "expire", 2_592_000));
        assertEquals(200, created.status(), String.valueOf(created.body()));
        String key = created.text("token");
        String id = created.text("id");

        Http.Response listed = Http.get(null, "/v1.0/agents?accesskey=" + key + "&page_size=10");
        assertEquals(200, listed.status(), String.valueOf(listed.body()));
        assertTrue(listed.body().path("result").size() > 0);
        assertEquals(
                200,
                Http.send(null, "GET", "/v1.0/agents", null, Map.of("Cookie", "accesskey=" + key))
                        .status());

        assertEquals(200, Http.delete(tenant.token(), "/v1.0/accesskeys/" + id).status());
        Http.Response refused = Http.get(null, "/v1.0/agents?accesskey=" + key);
        assertEquals(401, refused.status());
        assertEquals("INVALID_CREDENTIALS", refused.reason());
    }
}
