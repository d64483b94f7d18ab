package dev.agentbin.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The "context" of cdk.json (feature flags included). Only the cdk CLI reads cdk.json by itself;
 * a CLI-less synth and the tests must load it too, or they build a different template than deploy ships.
 */
public final class CdkJsonContext {

    private CdkJsonContext() {}

    public static Map<String, Object> load(Path cdkJson) {
        try {
            JsonNode context = new ObjectMapper().readTree(cdkJson.toFile()).path("context");
            return new ObjectMapper().convertValue(context, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + cdkJson, e);
        }
    }
}
