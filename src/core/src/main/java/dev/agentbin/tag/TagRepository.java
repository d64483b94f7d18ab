package dev.agentbin.tag;

import dev.agentbin.agent.PageCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TagRepository implements PanacheRepositoryBase<TagEntity, UUID> {

    /** Locks the live tag for the rest of the transaction, so two writers on one tag queue up. */
    public Optional<TagEntity> lockLive(UUID id) {
        return find("id = ?1 and tmDelete is null", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** One page of a customer's live tags, newest first, strictly after the cursor. */
    public List<TagEntity> page(UUID customerId, int pageSize, PageCursor after) {
        String where = "customerId = :customer and tmDelete is null";
        Parameters params = Parameters.with("customer", customerId);
        if (after != null) {
            where += after.rowsAfter(params);
        }
        return find(where + PageCursor.NEWEST_FIRST, params).page(0, pageSize).list();
    }
}
