package dev.agentbin.auth;

import dev.agentbin.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

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

    /**
     * Counts one attempt against each budget; 429 TOO_MANY_ATTEMPTS when any of them is spent.
     *
     * @param usernameKey {@link dev.agentbin.agent.AgentRepository#usernameKey}: every spelling of one account spends one budget
     */
    public void spend(String usernameKey, String source) {
        Keys keys = new Keys(usernameKey, source);
        long retryAfter = attempts.spend(List.of(
                new AttemptCounter.Budget(keys.pair, budgets.pairFailures(), budgets.pairWindow()),
                new AttemptCounter.Budget(keys.username, budgets.usernameFailures(), budgets.usernameWindow()),
                new AttemptCounter.Budget(keys.source, budgets.sourceFailures(), budgets.sourceWindow())));
        if (retryAfter > 0) {
            throw ApiException.tooManyAttempts(
                    "Too many failed logins: try again later.", Duration.ofSeconds(retryAfter));
        }
    }

    /** A correct password: the pair starts afresh, and the attempt is given back to the other budgets. */
    @Transactional
    public void refund(String usernameKey, String source) {
        Keys keys = new Keys(usernameKey, source);
        db.createNativeQuery("delete from auth_login_failures where key = ?1")
                .setParameter(1, keys.pair)
                .executeUpdate();
        db.createNativeQuery(
                        "update auth_login_failures set failures = greatest(failures - 1, 0) where key in (?1, ?2)")
                .setParameter(1, keys.username)
                .setParameter(2, keys.source)
                .executeUpdate();
    }

    /** A newline cannot occur in either part of the pair. */
    private record Keys(String pair, String username, String source) {
        Keys(String usernameKey, String source) {
            this("p:" + usernameKey + "\n" + source, "u:" + usernameKey, "s:" + source);
        }
    }
}
