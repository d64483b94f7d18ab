package dev.agentbin.auth;

import dev.agentbin.common.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reset tokens: 32 random bytes as 64 lowercase hex characters (the reference's format), stored only as
 * their SHA-256 ({@code auth_password_resets}). A token is spent by deleting its row, in one statement,
 * so two resets with one link cannot both succeed.
 */
@ApplicationScoped
class PasswordResetTokens {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager db;

    PasswordResetTokens(EntityManager db) {
        this.db = db;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }

    void store(String token, UUID agentId, Duration lifetime) {
        db.createNativeQuery("insert into auth_password_resets (token_hash, agent_id, expires_at) "
                        + "values (?1, ?2, now() + cast(?3 as interval))")
                .setParameter(1, hash(token))
                .setParameter(2, agentId)
                .setParameter(3, lifetime.toSeconds() + " seconds")
                .executeUpdate();
    }

    /** The agent a live token was issued for; the row is deleted whether it was live or expired. */
    Optional<UUID> spend(String token) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                db.createNativeQuery("""
                        with spent as (
                          delete from auth_password_resets where token_hash = ?1 returning agent_id, expires_at > now() as live
                        ) select agent_id, live from spent""").setParameter(1, hash(token)).getResultList();
        return rows.stream()
                .filter(row -> (Boolean) row[1])
                .map(row -> (UUID) row[0])
                .findFirst();
    }

    /** Every other link of the agent: after a reset, none issued before it works. */
    void revokeAll(UUID agentId) {
        db.createNativeQuery("delete from auth_password_resets where agent_id = ?1")
                .setParameter(1, agentId)
                .executeUpdate();
    }

    void purgeExpired() {
        db.createNativeQuery("delete from auth_password_resets where expires_at < now()")
                .executeUpdate();
    }
}
