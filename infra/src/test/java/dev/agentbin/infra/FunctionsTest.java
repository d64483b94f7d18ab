package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class FunctionsTest {

    private static final FunctionCatalog CATALOG = FunctionCatalog.load(Synth.CATALOG);

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void everyCatalogFunctionExistsWithItsSizeAndRuntime(Flavour flavour) {
        Template template = Synth.catalog("flavour", flavour.name().toLowerCase());
        for (FunctionSpec spec : CATALOG.functions()) {
            Map<String, Object> expected = new HashMap<>(Map.of(
                    "FunctionName",
                    TemplateQueries.functionName(spec),
                    "MemorySize",
                    spec.memory(),
                    "Timeout",
                    spec.timeout(),
                    "ReservedConcurrentExecutions",
                    spec.reservedConcurrency() == null ? Match.absent() : spec.reservedConcurrency()));
            expected.putAll(
                    switch (flavour) {
                        case JVM -> jvm(spec);
                        case NATIVE -> nativeBuild();
                        case AOT -> aotImage();
                    });
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(expected));
        }
        template.resourceCountIs("AWS::Lambda::Function", CATALOG.functions().size() + helperFunctions());
    }

    @Test
    void jvmFunctionsThatServeTrafficAreInvokedThroughTheirLiveAlias() {
        Template template = Synth.catalog();
        long serving =
                CATALOG.functions().stream().filter(f -> !f.runsAtDeploy()).count();
        assertEquals(
                serving,
                template.findResources(
                                "AWS::Lambda::Alias",
                                Match.objectLike(Map.of("Properties", Map.of("Name", DeployedFunctions.LIVE_ALIAS))))
                        .size());
        template.resourceCountIs("AWS::Lambda::Alias", (int) serving);
    }

    @Test
    void nativeFunctionsHaveNoAlias() {
        Synth.catalog("flavour", "native").resourceCountIs("AWS::Lambda::Alias", 0);
    }

    @Test
    void aotFunctionsHaveNoAlias() {
        Synth.catalog("flavour", "aot").resourceCountIs("AWS::Lambda::Alias", 0);
    }

    /**
     * Every function of a module runs one image, built once at deploy: the cloud assembly lists one image asset per
     * module, built for x86_64 from that module's context, the events one trained on ringall-dispatch. Synth only
     * stages the contexts (no Docker needed, none runs here).
     */
    @Test
    void aotStagesOneImagePerModuleAndEveryFunctionRunsItsModulesImage() throws IOException {
        Synth.Result result = Synth.of(Synth.CATALOG, "flavour", "aot");
        Stage app = Stage.of(result.stack());
        Path manifest =
                Path.of(app.synth().getDirectory()).resolve(result.stack().getArtifactId() + ".assets.json");
        Map<String, JsonNode> images = new HashMap<>();
        new ObjectMapper()
                .readTree(manifest.toFile())
                .path("dockerImages")
                .fields()
                .forEachRemaining(image -> images.put(image.getKey(), image.getValue()));
        Map<String, String> trainingHandlerByImage = new HashMap<>();
        images.forEach((hash, image) -> {
            JsonNode source = image.path("source");
            assertEquals("linux/amd64", source.path("platform").asText(), hash);
            trainingHandlerByImage.put(
                    hash,
                    source.path("dockerBuildArgs").path("TRAINING_HANDLER").asText("none"));
        });
        assertEquals(
                Map.of("none", 1L, "ringall-dispatch", 1L),
                trainingHandlerByImage.values().stream()
                        .collect(Collectors.groupingBy(handler -> handler, Collectors.counting())));
        Template template = result.template();
        for (FunctionSpec.Module module : FunctionSpec.Module.values()) {
            String handler = module == FunctionSpec.Module.EVENTS ? "ringall-dispatch" : "none";
            String hash = trainingHandlerByImage.entrySet().stream()
                    .filter(image -> image.getValue().equals(handler))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            for (FunctionSpec spec : CATALOG.functions()) {
                if (spec.module() != module) {
                    continue;
                }
                String imageUri =
                        TemplateQueries.function(template, spec).get("Code").toString();
                assertTrue(imageUri.contains(hash), spec.name() + " runs " + imageUri);
            }
        }
    }

    @Test
    void onlyTheMigrationMigratesAndEventFunctionsNameTheirHandler() {
        Template template = Synth.catalog();
        for (FunctionSpec spec : CATALOG.functions()) {
            boolean db = spec.usesDatabase();
            Map<String, Object> env = new HashMap<>(Map.of(
                    "QUARKUS_FLYWAY_MIGRATE_AT_START",
                    db ? Boolean.toString(spec.runsAtDeploy()) : Match.absent(),
                    "QUARKUS_DATASOURCE_USERNAME",
                    db ? (spec.runsAtDeploy() ? Database.USERNAME : Database.APP_USERNAME) : Match.absent(),
                    "AGENTBIN_DB_SECRET_ARN",
                    db ? Match.anyValue() : Match.absent(),
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    db ? Match.anyValue() : Match.absent(),
                    "QUARKUS_LAMBDA_HANDLER",
                    spec.handler() == null ? Match.absent() : spec.handler(),
                    "AGENTBIN_JWT_PUBLIC_KEY",
                    spec.module() == FunctionSpec.Module.API ? Map.of("Ref", "JwtPublicKey") : Match.absent(),
                    "AGENTBIN_JWT_PREVIOUS_PUBLIC_KEY",
                    spec.module() == FunctionSpec.Module.API ? Map.of("Ref", "JwtPreviousPublicKey") : Match.absent()));
            template.hasResourceProperties(
                    "AWS::Lambda::Function",
                    Match.objectLike(Map.of(
                            "FunctionName", TemplateQueries.functionName(spec),
                            "Environment", Map.of("Variables", Match.objectLike(env)))));
        }
    }

    @Test
    void theFirstAdminIsConfiguredOnlyOnTheLoginFunction() {
        Template template = Synth.catalog(
                "bootstrapAdminUsername",
                "admin@example.com",
                "bootstrapCustomerId",
                "5e4a0680-804e-11ec-8477-2fea5968d85b");
        template.hasParameter("BootstrapAdminPassword", Map.of("NoEcho", true, "MinLength", 8));
        for (FunctionSpec spec : CATALOG.functions()) {
            boolean login = spec.has(FunctionSpec.Grant.JWT_SIGNING_KEY);
            template.hasResourceProperties(
                    "AWS::Lambda::Function",
                    Match.objectLike(Map.of(
                            "FunctionName", TemplateQueries.functionName(spec),
                            "Environment",
                                    Map.of(
                                            "Variables",
                                            Match.objectLike(Map.of(
                                                    "AGENTBIN_BOOTSTRAP_USERNAME",
                                                    login ? "admin@example.com" : Match.absent(),
                                                    "AGENTBIN_BOOTSTRAP_PASSWORD",
                                                    login
                                                            ? Map.of("Ref", "BootstrapAdminPassword")
                                                            : Match.absent()))))));
        }
    }

    @Test
    void withoutBootstrapContextThereIsNoPasswordParameter() {
        assertEquals(
                List.of("BootstrapVersion", "JwtPreviousPublicKey", "JwtPublicKey"),
                Synth.catalog().findParameters("*", Match.anyValue()).keySet().stream()
                        .sorted()
                        .toList());
    }

    private static Map<String, Object> jvm(FunctionSpec spec) {
        return Map.of(
                "Runtime", "java25",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "SnapStart", spec.runsAtDeploy() ? Match.absent() : Map.of("ApplyOn", "PublishedVersions"));
    }

    private static Map<String, Object> aotImage() {
        return Map.of(
                "PackageType",
                "Image",
                "Code",
                Map.of("ImageUri", Match.anyValue()),
                "Architectures",
                List.of("x86_64"),
                "Runtime",
                Match.absent(),
                "Handler",
                Match.absent(),
                "Layers",
                Match.absent(),
                "SnapStart",
                Match.absent());
    }

    private static Map<String, Object> nativeBuild() {
        return Map.of(
                "Runtime",
                "provided.al2023",
                "Architectures",
                List.of("arm64"),
                "Handler",
                "bootstrap",
                "SnapStart",
                Match.absent());
    }

    /** CDK's own Node.js functions: the migration Trigger's provider and the default-SG restrictor. */
    private static int helperFunctions() {
        return 2;
    }
}
