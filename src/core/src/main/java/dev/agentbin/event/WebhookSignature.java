package dev.agentbin.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (www.standardwebhooks.com): the secret is "whsec_" + base64 of random
 * bytes, the key is those bytes, and the signature is "v1," + base64(HMAC-SHA256(key,
 * "{webhook-id}.{webhook-timestamp}.{body}")). Several signatures (during a secret rotation) are
 * separated by spaces; a receiver accepts the delivery when any of them matches.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    /** The event's id: the same on every delivery of one event. */
    public static final String ID_HEADER = "webhook-id";
    /** Unix seconds when the attempt was sent. */
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    /** {@link #header}. */
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The webhook-signature header: one "v1,..." per secret, space-separated. */
    public static String header(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
