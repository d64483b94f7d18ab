package dev.agentbin.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Attempt budgets kept in PostgreSQL ({@code auth_login_failures}), so every function instance spends the
 * same ones: each budget is a key counted in a fixed window. One statement counts an attempt against
 * every budget at once, so parallel attempts cannot all slip through before the first is written.
 */
@ApplicationScoped
class AttemptCounter {

    /** At most {@code limit} attempts per {@code window} under {@code key}. */
    record Budget(String key, int limit, Duration window) {}

    private final EntityManager db;

    AttemptCounter(EntityManager db) {
        this.db = db;
    }

    /**
     * Counts one attempt against each budget.
     *
     * @return the seconds until the window of the latest spent budget ends, or 0 when none is spent
     */
    @Transactional
    long spend(List<Budget> budgets) {
        db.createNativeQuery("delete from auth_login_failures where expires_at < now() - interval '1 hour'")
                .executeUpdate();
        String values = IntStream.range(0, budgets.size())
                .mapToObj(i ->
                        "(?%d, cast(?%d as int), cast(?%d as interval))".formatted(3 * i + 1, 3 * i + 2, 3 * i + 3))
                .collect(Collectors.joining(", "));
        // Limits are compared in SQL, joined on the key as stored: a key the driver had to alter (a lone
        // surrogate in a username) still meets its own limit.
        Query spend = db.createNativeQuery("""
                with budget (key, lim, win) as (values %s),
                spent as (
                  insert into auth_login_failures as f (key, failures, expires_at)
                  select key, 1, now() + win from budget
                  on conflict (key) do update set
                    failures = case when f.expires_at > now() then f.failures + 1 else 1 end,
                    expires_at = case when f.expires_at > now() then f.expires_at else excluded.expires_at end
                  returning key, failures, ceil(extract(epoch from expires_at - now())) as wait
                ) select coalesce(max(greatest(spent.wait, 1)) filter (where spent.failures > budget.lim), 0)
                  from spent join budget using (key)""".formatted(values));
        for (int i = 0; i < budgets.size(); i++) {
            Budget budget = budgets.get(i);
            spend.setParameter(3 * i + 1, budget.key())
                    .setParameter(3 * i + 2, budget.limit())
                    .setParameter(3 * i + 3, budget.window().toSeconds() + " seconds");
        }
        return ((Number) spend.getSingleResult()).longValue();
    }
}
