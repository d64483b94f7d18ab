package dev.agentbin.infra;

import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;

/** How the function.zip files were built, chosen at deploy with -c flavour=jvm|native. */
public enum Flavour {
    /**
     * Quarkus JVM build (Java 17 bytecode) on java25: faster to start and smaller than on Java 17 in the cold-start
     * benchmark (benchmarks/RESULTS.md; java21 could not be measured there). SnapStart hides most of the JVM's
     * cold start; the functions prime themselves before the snapshot.
     */
    JVM {
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
        void configure(Function.Builder function, boolean servesTraffic) {
            function.runtime(Runtime.PROVIDED_AL2023)
                    .architecture(Architecture.ARM_64)
                    .handler("bootstrap");
        }
    };

    /**
     * servesTraffic is false for the per-deploy migration: a snapshot would buy it nothing and would
     * run its start-up (including the migration) when the version is published instead of when invoked.
     */
    abstract void configure(Function.Builder function, boolean servesTraffic);

    /** SnapStart only applies to published versions, so callers must invoke a version alias. */
    boolean needsPublishedAlias(boolean servesTraffic) {
        return this == JVM && servesTraffic;
    }
}
