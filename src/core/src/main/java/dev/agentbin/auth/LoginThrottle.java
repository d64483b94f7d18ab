package dev.agentbin.auth;

import dev.agentbin.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Failure budgets for login, kept in PostgreSQL so every function instance spends the same budgets.
 * An attempt is counted before the password is checked, in one statement, so parallel guesses cannot
 * all slip through before the first failure is written; a successful login gives its attempt back.
 * Unknown and known usernames are counted alike: the budgets tell nothing about which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final String SPEND = """
            with spent as (
              insert into auth_login_failures as f (key, failures, expires_at)
              values (?1, 1, now() + cast(?2 as interval)), (?3, 1, now() + cast(?4 as interval)),
                     (?5, 1, now() + cast(?6 as interval))
              on conflict (key) do update set
                failures = case when f.expires_at > now() then f.failures + 1 else 1 end,
                expires_at = case when f.expires_at > now() then f.expires_at else excluded.expires_at end
              returning key, failures, ceil(extract(epoch from expires_at - now()))
            ) select * from spent""";

    private final EntityManager db;
    private final LoginBudgets budgets;

    public LoginThrottle(EntityManager db, LoginBudgets budgets) {
        this.db = db;
        this.budgets = budgets;
    }

    /** Counts one attempt against each budget; 429 TOO_MANY_ATTEMPTS when any of them is spent. */
    @Transactional
    public void spend(String username, String source) {
        Keys keys = new Keys(username, source);
        db.createNativeQuery("delete from auth_login_failures where expires_at < now() - interval '1 hour'").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = db.createNativeQuery(SPEND)
                .setParameter(1, keys.pair).setParameter(2, interval(budgets.pairWindow()))
                .setParameter(3, keys.username).setParameter(4, interval(budgets.usernameWindow()))
                .setParameter(5, keys.source).setParameter(6, interval(budgets.sourceWindow()))
                .getResultList();
        long retryAfter = 0;
        for (Object[] row : rows) {
            String key = (String) row[0];
            int failures = ((Number) row[1]).intValue();
            if (failures > limit(keys, key)) {
                retryAfter = Math.max(retryAfter, Math.max(1, ((Number) row[2]).longValue()));
            }
        }
        if (retryAfter > 0) {
            throw ApiException.tooManyAttempts("Too many failed logins: try again later.", Duration.ofSeconds(retryAfter));
        }
    }

    /** A correct password: the pair starts afresh, and the attempt is given back to the other budgets. */
    @Transactional
    public void refund(String username, String source) {
        Keys keys = new Keys(username, source);
        db.createNativeQuery("delete from auth_login_failures where key = ?1").setParameter(1, keys.pair).executeUpdate();
        db.createNativeQuery("update auth_login_failures set failures = greatest(failures - 1, 0) where key in (?1, ?2)")
                .setParameter(1, keys.username).setParameter(2, keys.source).executeUpdate();
    }

    private int limit(Keys keys, String key) {
        if (key.equals(keys.pair)) {
            return budgets.pairFailures();
        }
        return key.equals(keys.username) ? budgets.usernameFailures() : budgets.sourceFailures();
    }

    private static String interval(Duration window) {
        return window.toSeconds() + " seconds";
    }

    /** Usernames compare case-insensitively, as logins do; a newline cannot occur in either part. */
    private record Keys(String pair, String username, String source) {
        Keys(String username, String source) {
            this("p:" + normal(username) + "\n" + source, "u:" + normal(username), "s:" + source);
        }

        private static String normal(String username) {
            return username.trim().toLowerCase(Locale.ROOT);
        }
    }
}
