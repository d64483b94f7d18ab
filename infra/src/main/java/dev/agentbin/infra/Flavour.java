package dev.agentbin.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.AssetImageCodeProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Handler;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;

/**
 * How the functions are built and run, chosen at deploy with -c flavour=jvm|native|aot: each flavour says which
 * build output of a module its functions run and how Lambda starts it.
 */
public enum Flavour {
    /**
     * Quarkus JVM build (Java 17 bytecode) on java25: faster to start and smaller than on Java 17 in the cold-start
     * benchmark (benchmarks/RESULTS.md; java21 could not be measured there). SnapStart hides most of the JVM's
     * cold start; the functions prime themselves before the snapshot.
     */
    JVM {
        @Override
        Code code(Path assetsDir, FunctionSpec.Module module) {
            return Code.fromAsset(existing(functionZip(assetsDir, module), "./mvnw -B -DskipTests package")
                    .toString());
        }

        @Override
        void configure(Function.Builder function, boolean servesTraffic) {
            function.runtime(Runtime.JAVA_25)
                    .handler("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
            if (servesTraffic) {
                function.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
            }
        }
    },
    /** GraalVM/Mandrel native build: a `bootstrap` executable for the OS-only runtime, built for arm64. */
    NATIVE {
        @Override
        Code code(Path assetsDir, FunctionSpec.Module module) {
            return Code.fromAsset(existing(
                            functionZip(assetsDir, module),
                            "./mvnw -B -DskipTests package -Dnative -Dquarkus.native.container-build=true")
                    .toString());
        }

        @Override
        void configure(Function.Builder function, boolean servesTraffic) {
            function.runtime(Runtime.PROVIDED_AL2023)
                    .architecture(Architecture.ARM_64)
                    .handler("bootstrap");
        }
    },
    /**
     * One container image per module: the JVM build on Temurin 25 with a JDK AOT cache trained in the image build
     * (infra/aot/Dockerfile, docs/decisions/0008-aot-cache-flavour.md). No SnapStart (Lambda has none for images),
     * so no published version either; the image is built from src/module/target/aot-image when deploying.
     */
    AOT {
        @Override
        Code code(Path assetsDir, FunctionSpec.Module module) {
            Path context = buildOutput(assetsDir, module, "aot-image");
            existing(context.resolve("Dockerfile"), "./mvnw -B -DskipTests verify -Daot");
            // The events cache is trained on ringall-dispatch, the handler on a caller's path; the module's other
            // handlers share the image and its cache.
            Map<String, String> training =
                    module == FunctionSpec.Module.EVENTS ? Map.of("TRAINING_HANDLER", "ringall-dispatch") : Map.of();
            return Code.fromAssetImage(
                    context.toString(),
                    AssetImageCodeProps.builder()
                            .platform(Platform.LINUX_AMD64)
                            .buildArgs(training)
                            .build());
        }

        @Override
        void configure(Function.Builder function, boolean servesTraffic) {
            // The image's entry point is the runtime interface client, its command the handler; events functions
            // pick their handler with QUARKUS_LAMBDA_HANDLER, as in the other flavours.
            function.runtime(Runtime.FROM_IMAGE).handler(Handler.FROM_IMAGE).architecture(Architecture.X86_64);
        }
    };

    /**
     * The code of every function of a module, made once per module and shared by its functions. Fails with the
     * build command to run when the build output is missing.
     */
    abstract Code code(Path assetsDir, FunctionSpec.Module module);

    /**
     * servesTraffic is false for the per-deploy migration: a snapshot would buy it nothing and would
     * run its start-up (including the migration) when the version is published instead of when invoked.
     */
    abstract void configure(Function.Builder function, boolean servesTraffic);

    /**
     * Lambda runs no layers with container images: the aot image holds the RDS certificate bundle itself, at the
     * path the layer gives it in the other flavours (Database.CA_BUNDLE).
     */
    boolean takesLayers() {
        return this != AOT;
    }

    /** SnapStart only applies to published versions, so callers must invoke a version alias. */
    boolean needsPublishedAlias(boolean servesTraffic) {
        return this == JVM && servesTraffic;
    }

    /** Where the Maven build of a src/ module leaves the zip that Lambda runs (jvm and native). */
    static Path functionZip(Path assetsDir, FunctionSpec.Module module) {
        return buildOutput(assetsDir, module, "function.zip");
    }

    private static Path buildOutput(Path assetsDir, FunctionSpec.Module module, String name) {
        return assetsDir
                .resolve("src")
                .resolve(module.directory())
                .resolve("target")
                .resolve(name);
    }

    private static Path existing(Path artifact, String build) {
        if (!Files.isRegularFile(artifact)) {
            throw new IllegalStateException(
                    artifact + " does not exist: build the functions first (" + build + ", from the repository root)");
        }
        return artifact;
    }
}
