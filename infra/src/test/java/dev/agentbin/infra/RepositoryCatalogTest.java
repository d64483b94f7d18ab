package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The catalog as it is in the repository today, synthesized with every setting at its default: it says only what is true. */
class RepositoryCatalogTest {

    private static final Path SOURCES = Path.of("../src");
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+");
    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(prefix = \"([a-z0-9.-]+)\"\\)");
    private static final Pattern MAPPED_SETTING = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\(\\);");

    @Test
    void everyFunctionOfTheRepositoryCatalogIsDeployed() {
        Template template = Synth.of(Synth.CATALOG).template();
        for (FunctionSpec spec : FunctionCatalog.load(Synth.CATALOG).functions()) {
            template.hasResourceProperties(
                    "AWS::Lambda::Function",
                    Match.objectLike(Map.of(
                            "FunctionName", TemplateQueries.functionName(spec),
                            "MemorySize", spec.memory(),
                            "Timeout", spec.timeout())));
        }
        printResourceCounts(template);
    }

    /** A grant that no function is given is a permission the schema promises and nothing needs. */
    @Test
    void everyGrantIsGivenToSomeFunction() {
        Set<FunctionSpec.Grant> unused = EnumSet.allOf(FunctionSpec.Grant.class);
        FunctionCatalog.load(Synth.CATALOG).functions().forEach(spec -> unused.removeAll(spec.grants()));
        assertEquals(Set.of(), unused);
    }

    /**
     * Every AGENTBIN_* variable a deployed function starts with is a setting the application reads: a
     * property named in the main sources of src/ (a @ConfigProperty, a properties file, a constant) or a method of
     * a @ConfigMapping, in MicroProfile's environment spelling.
     */
    @Test
    void everyAgentbinVariableOfADeployedFunctionHasAReader() {
        Set<String> read = readSettings();
        Map<String, Set<String>> unread = new TreeMap<>();
        Template template = Synth.catalog(
                "bootstrapAdminUsername",
                "admin@example.com",
                "bootstrapCustomerId",
                "00000000-0000-4000-8000-000000000001");
        for (FunctionSpec spec : FunctionCatalog.load(Synth.CATALOG).functions()) {
            Map<?, ?> environment = (Map<?, ?>)
                    ((Map<?, ?>) TemplateQueries.function(template, spec).get("Environment")).get("Variables");
            environment.keySet().stream()
                    .map(String::valueOf)
                    .filter(name -> name.startsWith("AGENTBIN_") && !read.contains(name))
                    .forEach(name ->
                            unread.computeIfAbsent(name, n -> new TreeSet<>()).add(spec.name()));
        }
        assertEquals(Map.of(), unread);
        assertTrue(
                read.contains("AGENTBIN_TELEPHONY_SECRET_ARN") && read.contains("AGENTBIN_EVENTS_QUEUE_URL"),
                "read only " + read);
    }

    /** Settings the application's main sources read, in their environment-variable spelling. */
    private static Set<String> readSettings() {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().contains("/src/main/")
                            && (f.toString().endsWith(".java") || f.toString().endsWith(".properties")))
                    .map(RepositoryCatalogTest::read)
                    .forEach(text -> {
                        PROPERTY.matcher(text).results().forEach(m -> names.add(m.group()));
                        Matcher prefix = MAPPING_PREFIX.matcher(text);
                        if (prefix.find()) {
                            MAPPED_SETTING
                                    .matcher(text)
                                    .results()
                                    .forEach(m -> names.add(prefix.group(1) + "." + kebab(m.group(1))));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> environment = new HashSet<>();
        names.forEach(name -> environment.add(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
        return environment;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default synth's size at a glance in the test log (cdk-notes measured ~100 resources). */
    private static void printResourceCounts(Template template) {
        Map<String, Integer> counts = new TreeMap<>();
        ((Map<?, ?>) template.toJSON().get("Resources"))
                .values()
                .forEach(resource -> counts.merge((String) ((Map<?, ?>) resource).get("Type"), 1, Integer::sum));
        System.out.println("Default synth of functions.yaml: "
                + counts.values().stream().mapToInt(Integer::intValue).sum() + " resources");
        counts.forEach((type, count) -> System.out.printf("  %-45s %d%n", type, count));
    }
}
