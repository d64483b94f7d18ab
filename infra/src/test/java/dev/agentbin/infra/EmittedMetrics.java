package dev.agentbin.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the application's source emits, read from the repository's src/ modules: the namespace declared by
 * dev.agentbin.observe.Metrics, every {@code Metrics.count/milliseconds/seconds("Name")} and every
 * {@code .by("Dimension", "literal value")}.
 */
record EmittedMetrics(String namespace, Set<String> names, Set<String> dimensions, Set<String> literalValues) {

    static final Path SOURCES = Path.of("../src");
    static final Path METRICS_CLASS = SOURCES.resolve("core/src/main/java/dev/agentbin/observe/Metrics.java");

    private static final Pattern NAMESPACE = Pattern.compile("NAMESPACE\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern NAME = Pattern.compile("Metrics\\.(?:count|milliseconds|seconds)\\(\\s*\"([^\"]+)\"");
    private static final Pattern BY = Pattern.compile("\\.by\\(\\s*\"([^\"]+)\"\\s*,\\s*(?:\"([^\"]+)\")?");
    private static final Pattern TERNARY_LITERALS =
            Pattern.compile("\\.by\\(\\s*\"[^\"]+\"\\s*,[^;]*?\\?\\s*\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"");

    static EmittedMetrics read() {
        String metricsClass = text(METRICS_CLASS);
        Matcher namespace = NAMESPACE.matcher(metricsClass);
        if (!namespace.find()) {
            throw new AssertionError(METRICS_CLASS + " declares no NAMESPACE");
        }
        Set<String> names = new TreeSet<>();
        Set<String> dimensions = new TreeSet<>();
        Set<String> values = new TreeSet<>();
        for (Path file : mainSources()) {
            String source = text(file);
            NAME.matcher(source).results().forEach(m -> names.add(m.group(1)));
            BY.matcher(source).results().forEach(m -> {
                dimensions.add(m.group(1));
                if (m.group(2) != null) {
                    values.add(m.group(2));
                }
            });
            TERNARY_LITERALS.matcher(source).results().forEach(m -> {
                values.add(m.group(1));
                values.add(m.group(2));
            });
        }
        return new EmittedMetrics(namespace.group(1), names, dimensions, values);
    }

    /** The constants of an enum in the application's source, as the metrics spell them (lower case). */
    static Set<String> enumValuesLowerCase(String relativePath) {
        String source = text(SOURCES.resolve(relativePath));
        Matcher body = Pattern.compile("enum\\s+\\w+[^{]*\\{\\s*([A-Z_,\\s]+);").matcher(source);
        if (!body.find()) {
            throw new AssertionError("no enum constants in " + relativePath);
        }
        Set<String> values = new TreeSet<>();
        for (String constant : body.group(1).split(",")) {
            values.add(constant.strip().toLowerCase(Locale.ROOT));
        }
        return values;
    }

    private static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> sources = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .forEach(sources::add);
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
