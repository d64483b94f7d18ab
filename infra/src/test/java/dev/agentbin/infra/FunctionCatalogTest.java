package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @TempDir
    Path dir;

    @Test
    void theRepositoryCatalogLoads() {
        FunctionCatalog catalog = FunctionCatalog.load(Synth.REAL_CATALOG);
        assertTrue(catalog.functions().stream().anyMatch(f -> f.name().equals("auth-login")));
    }

    @Test
    void theFixtureHasEveryKindOfTrigger() {
        FunctionCatalog catalog = FunctionCatalog.load(Synth.FIXTURE);
        List<FunctionSpec> events = catalog.eventFunctions();
        assertEquals("ring-requests", events.get(0).trigger().sqs());
        assertEquals("rate(1 minute)", events.get(1).trigger().schedule());
        assertTrue(events.get(2).runsAtDeploy());
        assertEquals(5, events.get(0).reservedConcurrency());
        assertEquals(4, catalog.apiFunctions().size());
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
        String both = """
                functions:
                  - name: sweeper
                    module: events
                    handler: sweeper
                    trigger: {schedule: "rate(1 minute)", deploy: true}
                    memory: 512
                    timeout: 30
                """;
        assertTrue(loadFailure(both).contains("trigger needs exactly one of sqs, schedule or deploy: true"));
    }

    @Test
    void aQueueTriggerNeedsTheConsumeGrant() {
        String withoutGrant = """
                functions:
                  - name: dispatch
                    module: events
                    handler: dispatch
                    trigger: {sqs: ring-requests}
                    memory: 512
                    timeout: 30
                """;
        assertTrue(loadFailure(withoutGrant).contains("ring-queue-consume goes with an sqs trigger"));
    }

    private String loadFailure(String yaml) {
        try {
            Path file = Files.writeString(dir.resolve("functions.yaml"), yaml);
            return assertThrows(IllegalArgumentException.class, () -> FunctionCatalog.load(file)).getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
