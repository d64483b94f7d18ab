package dev.agentbin.agent;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the status history to agentbin.status-history.retention (90 days by default): ringall-sweeper
 * deletes what is older on each run, in batches of their own transactions, at most {@link #MAX_BATCHES}
 * a run, so a backlog (a lowered retention, a long outage) is worked off over a few runs instead of one
 * long transaction.
 */
@ApplicationScoped
public class StatusHistoryRetention {

    static final int BATCH = 1_000;
    static final int MAX_BATCHES = 20;

    private final StatusChangeRepository changes;
    private final Duration retention;

    public StatusHistoryRetention(
            StatusChangeRepository changes,
            @ConfigProperty(name = "agentbin.status-history.retention", defaultValue = "P90D") Duration retention) {
        this.changes = changes;
        this.retention = retention;
    }

    /** @return how many changes older than the retention were deleted */
    public int deleteExpired(Instant now) {
        Instant cutoff = now.minus(retention);
        int deleted = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int batch = changes.deleteBefore(cutoff, BATCH);
            deleted += batch;
            if (batch < BATCH) {
                break;
            }
        }
        return deleted;
    }
}
