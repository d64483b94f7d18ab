package dev.agentbin.accesskey;

import dev.agentbin.agent.PageCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccessKeyRepository implements PanacheRepositoryBase<AccessKeyEntity, UUID> {

    /** The key a secret belongs to, when it is neither deleted nor expired at {@code now}. */
    public Optional<AccessKeyEntity> findUsable(byte[] tokenHash, Instant now) {
        return find("tokenHash = ?1 and tmDelete is null and tmExpire > ?2", tokenHash, now)
                .firstResultOptional();
    }

    public Optional<AccessKeyEntity> findLive(UUID id) {
        return find("id = ?1 and tmDelete is null", id).firstResultOptional();
    }

    /** Locks the live key for the rest of the transaction, so two writers on one key queue up. */
    public Optional<AccessKeyEntity> lockLive(UUID id) {
        return find("id = ?1 and tmDelete is null", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** One page of a customer's live keys (expired ones included, so they can be seen and deleted), newest first. */
    public List<AccessKeyEntity> page(UUID customerId, int pageSize, PageCursor after) {
        String where = "customerId = :customer and tmDelete is null";
        Parameters params = Parameters.with("customer", customerId);
        if (after != null) {
            where += after.rowsAfter(params);
        }
        return find(where + PageCursor.NEWEST_FIRST, params).page(0, pageSize).list();
    }
}
