package dev.agentbin.events;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * One app holds every handler; as in AWS (QUARKUS_LAMBDA_HANDLER), the test picks one through
 * quarkus.lambda.handler, and the mock event server at "/" invokes it.
 */
public final class HandlerProfiles {

    private HandlerProfiles() {
    }

    public static class Dispatch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "ringall-dispatch");
        }
    }

    public static class Sweeper implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "ringall-sweeper");
        }
    }

    public static class Migrate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "migrate");
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
