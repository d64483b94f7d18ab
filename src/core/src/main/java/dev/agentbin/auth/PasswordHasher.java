package dev.agentbin.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** bcrypt at cost 10, as the reference stores passwords. */
@ApplicationScoped
public class PasswordHasher {

    private static final int COST = 10;
    // Checked against when the username is unknown, so a failed login takes as long either way.
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-password-never-used", COST);

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the same time as {@link #matches} and always fails. */
    public boolean matchesNothing(String password) {
        BcryptUtil.matches(password, DECOY_HASH);
        return false;
    }
}
