package dev.agentbin.telephony.twilio;

import dev.agentbin.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes and verifies {@code X-Twilio-Signature}, Twilio's proof that a webhook request comes from
 * our account and was not altered.
 *
 * <p>Algorithm (Twilio's security docs, twilio-python's RequestValidator):
 * <ol>
 *   <li>start from the full URL Twilio requested, query string exactly as registered;</li>
 *   <li>for a form POST append every body parameter sorted by name in byte order, as name + value with
 *       no separator; a repeated name contributes each distinct value, values sorted (as the official
 *       Python validator does);</li>
 *   <li>HMAC-SHA1 over the UTF-8 string, keyed with the primary Auth Token; base64 with padding.</li>
 * </ol>
 *
 * <p>Verification compares in constant time and accepts the URL both without a port and with the
 * scheme's default port, because Twilio drops the port for voice callbacks over HTTPS but not
 * consistently elsewhere (twilio-python accepts both for the same reason). Credentials in the URL
 * ({@code user:pass@}) are dropped before signing, as Twilio does. A missing or empty signature never
 * verifies: callers must reject, never skip.
 *
 * <p>The URL must be the public one Twilio dialled (build it with {@link TwilioCallbackUrls}), not the
 * one the function sees behind API Gateway.
 */
public final class TwilioSignature {

    /** The request header Twilio sends the signature in. */
    public static final String HEADER = "X-Twilio-Signature";

    private static final String HMAC_SHA1 = "HmacSHA1";
    /** Query parameter Twilio adds to the URL of JSON-bodied webhooks: hex SHA-256 of the raw body. */
    private static final String BODY_SHA256 = "bodySHA256";

    private TwilioSignature() {}

    /**
     * The signature of a form-encoded request (or of a GET, with {@code params} empty).
     *
     * @param params body parameters, URL-decoded; a name may carry several values
     */
    public static String compute(String authToken, String url, Map<String, ? extends Collection<String>> params) {
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(url, "url");
        return base64HmacSha1(authToken, stringToSign(url, params == null ? Map.of() : params));
    }

    /**
     * True when {@code signature} is Twilio's signature of this form-encoded request (see class comment
     * for the port variants accepted).
     */
    public static boolean verify(
            String authToken, String url, Map<String, ? extends Collection<String>> params, String signature) {
        if (signature == null || signature.isEmpty() || authToken == null || url == null) {
            return false;
        }
        Map<String, ? extends Collection<String>> p = params == null ? Map.of() : params;
        boolean valid = false;
        // Evaluate every candidate (no short-circuit) so timing does not tell which variant matched.
        for (String candidate : urlVariants(url)) {
            valid |= constantTimeEquals(compute(authToken, candidate, p), signature);
        }
        return valid;
    }

    /**
     * True when a JSON-bodied webhook is genuine: the URL's {@code bodySHA256} equals the SHA-256 of the
     * raw body and the signature over the URL alone (no parameters appended) matches.
     */
    public static boolean verifyJsonBody(String authToken, String url, byte[] rawBody, String signature) {
        if (rawBody == null) {
            return false;
        }
        String declared = queryParameter(url, BODY_SHA256);
        if (declared == null) {
            return false;
        }
        String actual = HexFormat.of().formatHex(Sha256.of(rawBody));
        boolean bodyMatches = constantTimeEquals(actual, declared.toLowerCase(java.util.Locale.ROOT));
        boolean signatureMatches = verify(authToken, url, Map.of(), signature);
        return bodyMatches && signatureMatches;
    }

    /** URL, then each parameter name in byte order followed by its sorted distinct values. */
    static String stringToSign(String url, Map<String, ? extends Collection<String>> params) {
        // Code-point order equals the byte order of UTF-8, which is what Twilio sorts by; String's own
        // compareTo sorts UTF-16 units and differs for characters outside the BMP.
        TreeSet<String> names = new TreeSet<>(TwilioSignature::compareCodePoints);
        names.addAll(params.keySet());
        StringBuilder s = new StringBuilder(url);
        for (String name : names) {
            Collection<String> values = params.get(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            TreeSet<String> sorted = new TreeSet<>(TwilioSignature::compareCodePoints);
            for (String value : values) {
                sorted.add(value == null ? "" : value);
            }
            for (String value : sorted) {
                s.append(name).append(value);
            }
        }
        return s.toString();
    }

    /**
     * The URL without credentials, once without a port and once with an explicit port (the one given, or
     * the scheme's default).
     */
    static List<String> urlVariants(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return List.of(url);
        }
        String scheme = url.substring(0, schemeEnd);
        int authorityStart = schemeEnd + 3;
        int authorityEnd = url.length();
        for (int i = authorityStart; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                authorityEnd = i;
                break;
            }
        }
        String authority = url.substring(authorityStart, authorityEnd);
        String rest = url.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        String host = hostPort;
        String port = null;
        int colon = hostPort.lastIndexOf(':');
        int bracket = hostPort.lastIndexOf(']'); // IPv6 literal: the port colon comes after ']'
        if (colon > bracket) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        String defaultPort = switch (scheme.toLowerCase(java.util.Locale.ROOT)) {
            case "https" -> "443";
            case "http" -> "80";
            default -> null;
        };
        List<String> variants = new ArrayList<>(2);
        String prefix = scheme + "://";
        variants.add(prefix + host + rest);
        String explicitPort = port != null && !port.isEmpty() ? port : defaultPort;
        if (explicitPort != null) {
            variants.add(prefix + host + ":" + explicitPort + rest);
        }
        return variants;
    }

    private static String base64HmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java runtime must provide HmacSHA1; a failure here is a broken runtime, not bad input.
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** MessageDigest.isEqual runs in time independent of where the inputs differ. */
    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The raw (still encoded) value of one query parameter; hex digests need no decoding. */
    private static String queryParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }
}
