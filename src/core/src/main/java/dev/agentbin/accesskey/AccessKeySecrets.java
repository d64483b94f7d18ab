package dev.agentbin.accesskey;

import dev.agentbin.common.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Making an access key's secret and the hash it is stored and found by.
 *
 * <p>A secret is 32 bytes from {@link SecureRandom} (256 bits), written as URL-safe base64 after a short
 * marker. It is stored only as its SHA-256: a fast, unsalted hash is enough here, unlike for passwords.
 * A slow hash (bcrypt) and a salt exist because people choose guessable passwords, and the same password
 * recurs: a stolen table can then be attacked word by word, or with tables computed in advance. Neither
 * holds for a uniformly random 256-bit secret: there is no word list, no two keys share a secret, and
 * finding a preimage of SHA-256 is out of reach, so a leaked hash gives nobody a usable key. An unsalted
 * hash can be looked up directly (one indexed read per request), which a per-key salt would forbid.
 *
 * <p>For the same reason a key cannot be guessed through the API: each try is one request with a chance
 * of 2^-256, so no failure budget is needed as it is for passwords (docs/api.md, "Access keys").
 */
public final class AccessKeySecrets {

    /** Marks an agentbin access key, so a leaked one is recognisable (secret scanners, logs). */
    static final String MARKER = "ak_";
    /** Characters of the secret shown in lists: the marker and 8 of the random part (48 bits, not a usable hint). */
    static final int PREFIX_LENGTH = MARKER.length() + 8;

    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessKeySecrets() {}

    static String newSecret() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Whether a credential is written as an access key (rather than a token), by its marker. */
    public static boolean isKeyShaped(String credential) {
        return credential.startsWith(MARKER);
    }

    static String prefix(String secret) {
        return secret.substring(0, PREFIX_LENGTH);
    }

    public static byte[] hash(String secret) {
        return Sha256.of(secret);
    }
}
