package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionCatalogTest {

    private static final String LOGIN = """
            functions:
              - name: auth-login
                module: api
                auth: none
                routes: [POST /auth/login]
                memory: 512
                timeout: 10
            """;

    private static final String DISPATCH = """
            functions:
              - name: dispatch
                module: events
                handler: dispatch
                trigger: {sqs: ring-requests}
                grants: [ring-queue-consume]
                memory: 512
                timeout: 30
            """;

    @TempDir
    Path dir;

    @Test
    void theRepositoryCatalogLoads() {
        FunctionCatalog catalog = FunctionCatalog.load(Synth.CATALOG);
        assertTrue(catalog.functions().stream().anyMatch(f -> f.name().equals("auth-login")));
    }

    @Test
    void theRepositoryCatalogHasEveryKindOfTrigger() {
        FunctionCatalog catalog = FunctionCatalog.load(Synth.CATALOG);
        assertEquals(
                RingQueue.NAME, named(catalog, "ringall-dispatch").trigger().sqs());
        assertEquals(
                EventDelivery.NAME, named(catalog, "webhook-delivery").trigger().sqs());
        assertTrue(named(catalog, "ringall-sweeper").trigger().schedule().startsWith("rate("));
        assertTrue(named(catalog, "db-migrate").runsAtDeploy());
    }

    @Test
    void anUnknownKeyFailsNamingTheKeyAndWhereItIs() {
        String message = loadFailure(LOGIN.replace("memory: 512", "memroy: 512"));
        assertTrue(message.contains("Unrecognized field \"memroy\""), message);
        assertTrue(message.contains("functions[0].memroy"), message);
    }

    @Test
    void anUnknownGrantFails() {
        String message = loadFailure(LOGIN.replace("memory: 512", "memory: 512\n    grants: [everything]"));
        assertTrue(message.contains("everything"), message);
    }

    @Test
    void anApiFunctionWithoutRoutesFails() {
        assertTrue(loadFailure(LOGIN.replace("routes: [POST /auth/login]", "routes: []"))
                .contains("function 'auth-login': api functions need at least one route"));
    }

    @Test
    void aMalformedRouteFails() {
        assertTrue(loadFailure(LOGIN.replace("POST /auth/login", "POST auth/login"))
                .contains("route path 'auth/login' must start with /"));
    }

    @Test
    void aRouteServedTwiceFails() {
        String twice = LOGIN + LOGIN.substring(LOGIN.indexOf("  - name")).replace("auth-login", "other-login");
        assertTrue(loadFailure(twice).contains("duplicate route 'POST /auth/login'"));
    }

    @Test
    void anEventsFunctionNeedsExactlyOneTrigger() {
        assertTrue(loadFailure(DISPATCH.replace("{sqs: ring-requests}", "{sqs: ring-requests, deploy: true}"))
                .contains("function 'dispatch': trigger needs exactly one of sqs, schedule or deploy: true"));
    }

    @Test
    void anEventsFunctionTakesNoAuth() {
        assertTrue(loadFailure(DISPATCH.replace("handler: dispatch", "handler: dispatch\n    auth: none"))
                .contains("function 'dispatch': events functions take no auth"));
    }

    @Test
    void aQueueTriggerNeedsTheConsumeGrant() {
        assertTrue(loadFailure(DISPATCH.replace("grants: [ring-queue-consume]", "grants: []"))
                .contains("ring-queue-consume goes with an sqs trigger"));
    }

    @Test
    void aThrottleNeedsARateAndABurstAndRoutesToApplyTo() {
        assertTrue(loadFailure(LOGIN.replace("memory: 512", "throttle: {rate: 5}\n    memory: 512"))
                .contains("throttle needs rate >= 1 and burst >= 1"));
        assertTrue(loadFailure(DISPATCH.replace("memory: 512", "throttle: {rate: 5, burst: 10}\n    memory: 512"))
                .contains("throttle is for api functions"));
    }

    @Test
    void theDeployMigrationCannotDoWithoutTheDatabase() {
        String migrate = """
                functions:
                  - name: db-migrate
                    module: events
                    handler: migrate
                    trigger: {deploy: true}
                    database: none
                    memory: 512
                    timeout: 300
                """;
        assertTrue(loadFailure(migrate).contains("the deploy migration needs the database"));
    }

    @Test
    void aValidEventsFunctionLoads() {
        assertDoesNotThrow(() -> FunctionCatalog.load(Files.writeString(dir.resolve("functions.yaml"), DISPATCH)));
    }

    private static FunctionSpec named(FunctionCatalog catalog, String name) {
        return catalog.functions().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private String loadFailure(String yaml) {
        try {
            Path file = Files.writeString(dir.resolve("functions.yaml"), yaml);
            return assertThrows(IllegalArgumentException.class, () -> FunctionCatalog.load(file))
                    .getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
