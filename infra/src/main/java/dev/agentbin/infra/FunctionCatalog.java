package dev.agentbin.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * functions.yaml, the one catalog of agentbin's functions. The stack creates every function,
 * route and trigger from it, so a mistake here must fail loudly at synth, not at deploy.
 */
public record FunctionCatalog(List<FunctionSpec> functions) {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public FunctionCatalog {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    private void validate() {
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("the catalog lists no functions");
        }
        functions.forEach(FunctionSpec::validate);
        requireUnique(functions.stream().map(FunctionSpec::name).toList(), "function name");
        requireUnique(
                functions.stream()
                        .flatMap(f -> f.routes().stream())
                        .map(Route::key)
                        .toList(),
                "route");
    }

    public static FunctionCatalog load(Path file) {
        FunctionCatalog catalog;
        try {
            catalog = YAML.readValue(file.toFile(), FunctionCatalog.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(
                    "Invalid function catalog " + file + " at " + describePath(e) + ": " + rootMessage(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read function catalog " + file + ": " + e.getMessage(), e);
        }
        try {
            catalog.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid function catalog " + file + ": " + e.getMessage(), e);
        }
        return catalog;
    }

    private static void requireUnique(List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException("duplicate " + what + " '" + value + "'");
            }
        }
    }

    /** "functions[2].memroy" rather than Jackson's class-based reference chain. */
    private static String describePath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "top level" : path.toString();
    }

    /** Errors thrown while parsing (a malformed route) arrive wrapped; the innermost message is the useful one. */
    private static String rootMessage(JsonMappingException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof JsonMappingException mapping ? mapping.getOriginalMessage() : cause.getMessage();
    }
}
