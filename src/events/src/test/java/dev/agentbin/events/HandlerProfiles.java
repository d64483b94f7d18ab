package dev.agentbin.events;

import dev.agentbin.testing.SettableClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * One app holds every handler; as in AWS (QUARKUS_LAMBDA_HANDLER), the test picks one through
 * quarkus.lambda.handler, and the mock event server at "/" invokes it.
 */
public final class HandlerProfiles {

    private HandlerProfiles() {}

    public static class Dispatch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "ringall-dispatch");
        }
    }

    /** The sweeper, on a clock the test sets. */
    public static class Sweeper implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "ringall-sweeper");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SettableClock.class);
        }
    }

    public static class Migrate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "migrate");
        }
    }

    /** Roles are shared by every database of the server (and every work tree's tests): one of this run's own. */
    public static class MigrateWithApplicationRole implements QuarkusTestProfile {
        public static final String ROLE =
                "agentbin_app_test_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        public static final String PASSWORD = "pw'" + java.util.UUID.randomUUID();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.lambda.handler",
                    "migrate",
                    "agentbin.app-role.username",
                    ROLE,
                    "agentbin.app-role.password",
                    PASSWORD);
        }
    }

    public static class Delivery implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "webhook-delivery");
        }
    }

    public static class Relay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "events-relay");
        }
    }
}
