package dev.agentbin.snapstart;

import dev.agentbin.observe.Metrics;
import io.agroal.api.AgroalDataSource;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart priming, shared by the function modules. Lambda snapshots a function after its init, and Quarkus
 * (quarkus.snapstart.full-warmup, on by default for Lambda) has fully started by then; what a first request
 * would still do lazily (load and link the request path's classes, parse its queries, build its JSON
 * serializers, open a database connection) is done here instead, before the snapshot, by a module's
 * {@code prime} action, which must change nothing.
 * <p>
 * Lambda's runtime calls {@link #beforeCheckpoint} (org.crac, bound to the runtime's own implementation) once
 * init is over, before the snapshot. Afterwards every pooled connection is closed, so none is in the snapshot:
 * a restored instance opens its own. Outside SnapStart nothing runs. A priming that fails is logged and leaves
 * the first request to do the work, as it would unprimed. The cold-start benchmark drives the same hooks
 * through AWS's runtime interface client (benchmarks/coldstart).
 */
public final class SnapStartPriming implements Resource {

    /**
     * How often a prime action runs its request path: once loads the classes; repeating it gets the hot
     * methods JIT-compiled before the snapshot instead of on a caller's request (benchmarks/RESULTS.md).
     */
    public static final int ROUNDS = 20;

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    /** org.crac holds resources weakly: keep them for the life of the process. */
    private static final List<SnapStartPriming> INSTALLED = new ArrayList<>();

    private final String what;
    private final Runnable prime;
    private final AgroalDataSource dataSource;

    private SnapStartPriming(String what, Runnable prime, AgroalDataSource dataSource) {
        this.what = what;
        this.prime = prime;
        this.dataSource = dataSource;
    }

    public static synchronized void install(String what, Runnable prime, AgroalDataSource dataSource) {
        SnapStartPriming priming = new SnapStartPriming(what, prime, dataSource);
        INSTALLED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    /**
     * Runs every installed priming action now, as {@link #beforeCheckpoint} would: outside SnapStart, for the
     * training run of a JDK AOT cache ({@link AotCacheTraining}).
     */
    public static synchronized void primeInstalled() {
        INSTALLED.forEach(priming -> priming.beforeCheckpoint(null));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        try {
            Metrics.withheldDuring(prime);
        } catch (RuntimeException e) {
            LOG.warnf(e, "priming %s failed; the first request will load what it needs", what);
        } finally {
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
        }
        LOG.infof("primed %s in %d ms", what, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the pool opens connections on demand.
    }
}
