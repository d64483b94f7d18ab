package dev.agentbin.agentcall;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LegRepository implements PanacheRepositoryBase<LegEntity, UUID> {

    /**
     * The agentcall a leg belongs to, read without managing the leg: the caller locks the agentcall
     * first and only then loads its legs, so what it reads is current.
     */
    public Optional<UUID> callOf(UUID legId, String provider) {
        return getEntityManager()
                .createQuery("select agentCallId from LegEntity where id = ?1 and provider = ?2", UUID.class)
                .setParameter(1, legId)
                .setParameter(2, provider)
                .getResultStream()
                .findFirst();
    }

    public List<LegEntity> ofCall(UUID agentCallId) {
        return list("agentCallId = ?1 order by idx", agentCallId);
    }

    /** The legs of several agentcalls in one query, in each call's order. */
    public List<LegEntity> ofCalls(List<UUID> agentCallIds) {
        return agentCallIds.isEmpty() ? List.of() : list("agentCallId in ?1 order by idx", agentCallIds);
    }
}
