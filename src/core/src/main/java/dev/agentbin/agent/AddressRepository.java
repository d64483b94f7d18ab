package dev.agentbin.agent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class AddressRepository implements PanacheRepositoryBase<AddressEntity, UUID> {

    /** The addresses of many agents in one statement, each agent's in ring order. */
    public Map<UUID, List<Address>> byAgents(Collection<UUID> agentIds) {
        if (agentIds.isEmpty()) {
            return Map.of();
        }
        return find("agentId in ?1 order by agentId, idx", agentIds).stream()
                .collect(Collectors.groupingBy(
                        a -> a.agentId,
                        LinkedHashMap::new,
                        Collectors.mapping(AddressRepository::toAddress, Collectors.toList())));
    }

    public List<Address> byAgent(UUID agentId) {
        return byAgents(List.of(agentId)).getOrDefault(agentId, List.of());
    }

    /**
     * Replaces an agent's addresses. The old rows are deleted and flushed before the new ones are
     * inserted, so an address kept across the replacement does not collide with itself.
     */
    public void replace(AgentEntity agent, List<Address> addresses, Instant now) {
        deleteOf(agent.id);
        getEntityManager().flush();
        for (int i = 0; i < addresses.size(); i++) {
            Address address = addresses.get(i);
            AddressEntity row = new AddressEntity();
            row.id = UUID.randomUUID();
            row.agentId = agent.id;
            row.customerId = agent.customerId;
            row.type = address.type();
            row.target = address.target();
            row.targetName = address.targetName();
            row.name = address.name();
            row.detail = address.detail();
            row.answerConfirmation = address.answerConfirmation();
            row.idx = i;
            row.tmCreate = now;
            persist(row);
        }
    }

    public void deleteOf(UUID agentId) {
        delete("agentId", agentId);
    }

    private static Address toAddress(AddressEntity row) {
        return new Address(row.type, row.target, row.targetName, row.name, row.detail, row.answerConfirmation);
    }
}
