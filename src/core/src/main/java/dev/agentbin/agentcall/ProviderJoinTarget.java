package dev.agentbin.agentcall;

import dev.agentbin.common.Sha256;
import java.util.UUID;

/**
 * The name a winning leg joins at the provider (Twilio's conference name). Every customer shares the
 * deployment's provider account, where a conference is known by its name alone, so the join target a
 * customer chooses is never sent as given: two customers who both call their queue "support-queue" would
 * share one conference. It is scoped to the customer instead: the lowercase hex SHA-256 of
 * {@code <customer_id>:<join_target>} (the agentcall's id when no join target was given). That is the same on
 * every ring of the customer's target, so the customer's own call flow can compute it before the agent is rung
 * (or read it from the agentcall), cannot be made to equal another customer's, is 64 characters whatever the
 * target (Twilio takes 1 to 128), and tells the provider neither the customer nor its names.
 */
final class ProviderJoinTarget {

    private ProviderJoinTarget() {}

    static String of(UUID customerId, String joinTarget) {
        return Sha256.hex(customerId + ":" + joinTarget);
    }
}
