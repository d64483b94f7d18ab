package dev.agentbin.auth;

import dev.agentbin.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Failure budgets for login (see {@link AttemptCounter}). An attempt is counted before the password is
 * checked, so parallel guesses cannot all slip through before the first failure is written; a successful
 * login gives its attempt back.
 * Unknown and known usernames are counted alike: the budgets tell nothing about which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager db;
    private final AttemptCounter attempts;
    private final LoginBudgets budgets;

    public LoginThrottle(EntityManager db, AttemptCounter attempts, LoginBudgets budgets) {
        this.db = db;
        this.attempts = attempts;
        this.budgets = budgets;
    }

    /** Counts one attempt against each budget; 429 TOO_MANY_ATTEMPTS when any of them is spent. */
    public void spend(String username, String source) {
        Keys keys = new Keys(username, source);
        long retryAfter = attempts.spend(List.of(
                new AttemptCounter.Budget(keys.pair, budgets.pairFailures(), budgets.pairWindow()),
                new AttemptCounter.Budget(keys.username, budgets.usernameFailures(), budgets.usernameWindow()),
                new AttemptCounter.Budget(keys.source, budgets.sourceFailures(), budgets.sourceWindow())));
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
