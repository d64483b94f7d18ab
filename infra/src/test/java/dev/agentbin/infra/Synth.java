package dev.agentbin.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes the stack in-process, as `cdk synth` would: cdk.json context loaded, the given
 * context on top, and tiny dummy function.zip files and image contexts instead of real builds. Each distinct context is
 * synthesized once per test run (a synth takes seconds).
 */
final class Synth {

    /** The repository's own catalog: what the tests synthesize is what a deploy builds. */
    static final Path CATALOG = Path.of("../functions.yaml");

    /** A synthesized stack and its template. */
    record Result(AgentbinStack stack, Template template) {}

    private static final Map<Map<String, String>, Result> RESULTS = new ConcurrentHashMap<>();
    private static Path assetsDir;

    private Synth() {}

    /** The repository catalog's template, context given as key, value, key, value... */
    static Template catalog(String... contextPairs) {
        return of(CATALOG, contextPairs).template();
    }

    static Result of(Path catalog, String... contextPairs) {
        Map<String, String> context = new HashMap<>();
        context.put("functionsFile", catalog.toString());
        for (int i = 0; i < contextPairs.length; i += 2) {
            context.put(contextPairs[i], contextPairs[i + 1]);
        }
        return RESULTS.computeIfAbsent(Map.copyOf(context), Synth::synthesize);
    }

    /** Builds the stack without synthesizing it, for tests that expect the build itself to fail. */
    static AgentbinStack stack(Map<String, String> extraContext) {
        Map<String, Object> context = new HashMap<>(CdkJsonContext.load(Path.of("cdk.json")));
        context.put("assetsDir", dummyAssets().toString());
        context.putAll(extraContext);
        App app = App.Builder.create().context(context).build();
        DeploySettings settings = DeploySettings.from(app.getNode());
        return new AgentbinStack(
                app,
                InfraApp.STACK_NAME,
                StackProps.builder().build(),
                settings,
                FunctionCatalog.load(settings.functionsFile()));
    }

    private static Result synthesize(Map<String, String> context) {
        AgentbinStack stack = stack(context);
        return new Result(stack, Template.fromStack(stack));
    }

    private static synchronized Path dummyAssets() {
        if (assetsDir == null) {
            try {
                assetsDir = Files.createTempDirectory("agentbin-assets");
                for (FunctionSpec.Module module : FunctionSpec.Module.values()) {
                    Path zip = assetsDir.resolve("src/" + module.directory() + "/target/function.zip");
                    Files.createDirectories(zip.getParent());
                    try (OutputStream out = Files.newOutputStream(zip);
                            ZipOutputStream zipOut = new ZipOutputStream(out)) {
                        zipOut.putNextEntry(new ZipEntry("bootstrap"));
                        zipOut.write(("dummy " + module).getBytes());
                        zipOut.closeEntry();
                    }
                    // The aot flavour's image context: only staged at synth, never built.
                    Path dockerfile = assetsDir.resolve("src/" + module.directory() + "/target/aot-image/Dockerfile");
                    Files.createDirectories(dockerfile.getParent());
                    Files.writeString(dockerfile, "FROM scratch\n# dummy " + module + "\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return assetsDir;
    }
}
