package dev.agentbin.agent;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** bcrypt at cost 10, as the reference stores passwords. */
@ApplicationScoped
public class PasswordHasher {

    /** bcrypt reads at most 72 bytes of a password: longer ones are refused, never silently cut. */
    public static final int MAX_BYTES = 72;

    private static final int COST = 10;

    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    /** A password over {@link #MAX_BYTES} matches nothing, in the same time as any other check. */
    public boolean matches(String password, String hash) {
        return fits(password) ? BcryptUtil.matches(password, hash) : matchesNothing(password);
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
