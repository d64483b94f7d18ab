package dev.agentbin.api.auth;

import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The RS256 keys, parsed once per function instance. A token names its key in {@code kid}: the key's
 * RFC 7638 thumbprint, so no key name is configured and a kid always names the very key. Tokens verify
 * against the current public key and, during a rotation, the previous one: a rotation then logs nobody
 * out (docs/deploy.md, "Token keys and their rotation").
 */
@Singleton
public class JwtKeys {

    private final String currentKid;
    private final Map<String, PublicKey> verifying = new LinkedHashMap<>();
    private final PrivateKey privateKey;
    private final String signingKid;

    public JwtKeys(JwtSettings settings) {
        PublicKey current;
        if (settings.publicKey().isEmpty() && LaunchMode.current().isDevOrTest()) {
            KeyPair pair = generate();
            current = pair.getPublic();
            this.privateKey = pair.getPrivate();
        } else {
            current = settings.publicKey()
                    .map(JwtKeys::publicKey)
                    .orElseThrow(() -> new IllegalStateException("agentbin.jwt.public-key is not configured"));
            this.privateKey = settings.privateKey().map(JwtKeys::privateKey).orElse(null);
        }
        this.currentKid = kid(current);
        verifying.put(currentKid, current);
        settings.previousPublicKey()
                .map(JwtKeys::publicKey)
                .ifPresent(previous -> verifying.putIfAbsent(kid(previous), previous));
        this.signingKid = privateKey == null ? null : kid(publicOf(privateKey));
        if (signingKid != null && !verifying.containsKey(signingKid)) {
            // Tokens it signed would be refused everywhere: better not to start than to hand them out.
            throw new IllegalStateException("the signing key (agentbin.jwt.private-key) matches neither "
                    + "agentbin.jwt.public-key nor agentbin.jwt.previous-public-key");
        }
    }

    /** The current verification key. */
    public PublicKey publicKey() {
        return verifying.get(currentKid);
    }

    /** The verification key a token's kid names; a token without one (issued before kids) was signed by the current key. */
    public Optional<PublicKey> verifying(String kid) {
        return Optional.ofNullable(verifying.get(kid == null ? currentKid : kid));
    }

    /** Only the login function is given the private key. */
    public PrivateKey privateKey() {
        if (privateKey == null) {
            throw new IllegalStateException("agentbin.jwt.private-key is not configured for this function");
        }
        return privateKey;
    }

    /** The kid of {@link #privateKey()}. */
    public String signingKid() {
        privateKey();
        return signingKid;
    }

    /** The RFC 7638 SHA-256 thumbprint, base64url: the same on every function for the same key. */
    static String kid(PublicKey key) {
        return new RsaJsonWebKey((RSAPublicKey) key).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    private static PublicKey publicOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("agentbin.jwt.private-key lacks its public part (not an RSA CRT key)");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(String pem) {
        return (PublicKey) decode(pem, "PUBLIC KEY", true);
    }

    private static PrivateKey privateKey(String pem) {
        return (PrivateKey) decode(pem, "PRIVATE KEY", false);
    }

    private static java.security.Key decode(String pem, String label, boolean isPublic) {
        String base64 = pem.replace("-----BEGIN " + label + "-----", "")
                .replace("-----END " + label + "-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return isPublic
                    ? rsa.generatePublic(new X509EncodedKeySpec(der))
                    : rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("agentbin.jwt key is not a PEM " + label + " (RSA, X.509/PKCS#8)", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
