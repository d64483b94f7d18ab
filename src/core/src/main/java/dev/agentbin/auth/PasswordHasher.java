package dev.agentbin.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** bcrypt at cost 10, as the reference stores passwords. */
@ApplicationScoped
public class PasswordHasher {

    private static final int COST = 10;

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the same time as {@link #matches} and always fails. */
    public boolean matchesNothing(String password) {
        BcryptUtil.matches(password, Decoy.HASH);
        return false;
    }

    /**
     * Checked against when the username is unknown, so a failed login takes as long either way. Hashed
     * on first use, not when a function starts: only logins with an unknown username need it.
     */
    private static final class Decoy {
        static final String HASH = BcryptUtil.bcryptHash("decoy-password-never-used", COST);
    }
}
