package dev.agentbin.snapstart;

import dev.agentbin.observe.Metrics;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * init is over, before the snapshot. Afterwards every pooled connection is closed, so none is in the snapshot
 * (a connection frozen there would be shared by every restored instance, and long dead when they wake).
 * Outside SnapStart nothing runs. A priming that fails is logged and leaves the first request to do the work,
 * as it would unprimed.
 * <p>
 * {@link #afterRestore} opens one connection and leaves it in the pool, so the first request after a restore
 * finds it there instead of opening it. That takes the open out of the first request's Duration, not out of the
 * caller's wait: Lambda counts the restore, hooks included, in the cold start (Restore Duration + Duration),
 * and the benchmark measured no gain in the sum. It is kept because the first request then does only its own
 * work and an unreachable database shows in the restore's log line. The wait is bounded ({@link #RESTORE_WAIT}):
 * Lambda fails a restore whose hooks take over 10 s, and a paused Aurora takes longer than that to resume; past
 * the bound, or when the database refuses, the restore goes on and the first request waits for (or opens) the
 * connection, as it would without this. The cold-start benchmark drives the same hooks through AWS's runtime
 * interface client (benchmarks/coldstart).
 */
public final class SnapStartPriming implements Resource {

    /**
     * How often a prime action runs its request path: once loads the classes; repeating it gets the hot
     * methods JIT-compiled before the snapshot instead of on a caller's request (benchmarks/RESULTS.md).
     */
    public static final int ROUNDS = 20;

    /**
     * How long a restore waits for its connection: far more than an open takes (tens of ms, TLS included),
     * far less than Lambda's 10 s limit for the restore hooks.
     */
    static final Duration RESTORE_WAIT = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    /** org.crac holds resources weakly: keep them for the life of the process. */
    private static final List<SnapStartPriming> INSTALLED = new ArrayList<>();

    private final String what;
    private final Runnable prime;
    private final AgroalDataSource dataSource;

    SnapStartPriming(String what, Runnable prime, AgroalDataSource dataSource) {
        this.what = what;
        this.prime = prime;
        this.dataSource = dataSource;
    }

    public static synchronized void install(String what, Runnable prime, AgroalDataSource dataSource) {
        SnapStartPriming priming = new SnapStartPriming(what, prime, dataSource);
        INSTALLED.add(priming);
        Core.getGlobalContext().register(priming);
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
        long started = System.nanoTime();
        // Closing the connection hands it back to the pool, open; the pool (min-size 0) closes it only after
        // its idle-removal interval.
        FutureTask<Void> connecting = new FutureTask<>(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return null;
            }
        });
        Thread opener = new Thread(connecting, "snapstart-connect");
        opener.setDaemon(true);
        opener.start();
        try {
            connecting.get(RESTORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("connected %s after restore in %d ms", what, (System.nanoTime() - started) / 1_000_000);
        } catch (TimeoutException e) {
            LOG.warnf(
                    "the database did not answer %s within %d ms of the restore; the first request will wait for it",
                    what, RESTORE_WAIT.toMillis());
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "no database connection for %s at restore; the first request will open one", what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
