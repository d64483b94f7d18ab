package dev.agentbin.snapstart;

import io.quarkus.runtime.Quarkus;
import org.jboss.logging.Logger;

/**
 * The training run of a JDK 25 AOT cache (the `aot` deploy flavour, docs/decisions/0008): run with
 * {@code -XX:AOTCacheOutput=...} on the function's classpath, it starts Quarkus as Lambda's handler
 * (QuarkusStreamHandler) does, runs the module's priming actions (their real request paths), then exits, which
 * is when the JVM writes the cache. Used by the image build (infra/aot/Dockerfile) and by the cold-start
 * benchmark, so both train the same cache.
 * <p>
 * No database is reachable where images are built: the database half of priming fails, is logged, and the
 * classes of the request path are still loaded by the half that runs through the Lambda entry point.
 */
public final class AotCacheTraining {

    private AotCacheTraining() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        // What QuarkusStreamHandler's constructor and its first handleRequest do.
        Quarkus.manualInitialize();
        Quarkus.manualStart();
        SnapStartPriming.primeInstalled();
        // Not a static logger: JBoss Logging must not set up java.util.logging before Quarkus has chosen its
        // log manager, or the start would log (and load classes) unlike the function's.
        Logger.getLogger(AotCacheTraining.class)
                .infof("AOT cache training done in %d ms", (System.nanoTime() - started) / 1_000_000);
        // Quarkus's shutdown hook stops the app; the JVM writes the cache as it exits.
        System.exit(0);
    }
}
