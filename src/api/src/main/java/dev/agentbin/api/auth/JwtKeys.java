package dev.agentbin.api.auth;

import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The RS256 key pair, parsed once per function instance. */
@Singleton
public class JwtKeys {

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    public JwtKeys(JwtSettings settings) {
        if (settings.publicKey().isEmpty() && LaunchMode.current().isDevOrTest()) {
            KeyPair pair = generate();
            this.publicKey = pair.getPublic();
            this.privateKey = pair.getPrivate();
            return;
        }
        this.publicKey = settings.publicKey()
                .map(pem -> decode(pem, "PUBLIC KEY", true))
                .map(PublicKey.class::cast)
                .orElseThrow(() -> new IllegalStateException("agentbin.jwt.public-key is not configured"));
        this.privateKey = settings.privateKey().map(pem -> (PrivateKey) decode(pem, "PRIVATE KEY", false)).orElse(null);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Only the login function is given the private key. */
    public PrivateKey privateKey() {
        if (privateKey == null) {
            throw new IllegalStateException("agentbin.jwt.private-key is not configured for this function");
        }
        return privateKey;
    }

    private static java.security.Key decode(String pem, String label, boolean isPublic) {
        String base64 = pem.replace("-----BEGIN " + label + "-----", "")
                .replace("-----END " + label + "-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return isPublic ? rsa.generatePublic(new X509EncodedKeySpec(der)) : rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
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
