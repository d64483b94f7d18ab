package dev.agentbin.events;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The delivery function with the after-commit relay on, as in the local run and in writers granted events-publish. */
public class AfterCommitRelay implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.lambda.handler", "webhook-delivery", "agentbin.events.relay-after-commit", "true");
    }
}
