package dev.agentbin.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentbin.access.Caller;
import dev.agentbin.access.Permission;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

/**
 * Key rotation: tokens name their key by kid and are checked against the current and the previous public
 * key, so a rotation logs nobody out; a dropped key or an unknown kid is 401. Plain objects, as each
 * function builds them from its settings.
 */
class TokenKeyRotationTest {

    private static final KeyPair OLD = generate();
    private static final KeyPair NEW = generate();
    private static final Caller AGENT = new Caller(UUID.randomUUID(), UUID.randomUUID(), Permission.CUSTOMER_AGENT, 0);

    @Test
    void aTokenNamesTheKeyThatSignedIt() throws Exception {
        String token = tokens(OLD, OLD, null).issue(AGENT);
        assertEquals(
                JwtKeys.kid(OLD.getPublic()),
                JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue());
    }

    @Test
    void aTokenOfThePreviousKeyVerifiesWhileThatKeyIsConfiguredAsPrevious() {
        String beforeRotation = tokens(OLD, OLD, null).issue(AGENT);
        Tokens rotated = tokens(NEW, NEW, OLD);
        assertEquals(AGENT.agentId(), rotated.verify(beforeRotation).agentId());
        assertEquals(AGENT.agentId(), rotated.verify(rotated.issue(AGENT)).agentId());
    }

    @Test
    void aTokenOfADroppedKeyIs401() {
        String beforeRotation = tokens(OLD, OLD, null).issue(AGENT);
        assertInvalid(tokens(NEW, NEW, null), beforeRotation);
    }

    @Test
    void anUnknownKidIs401EvenWhenTheSignatureWouldVerify() {
        String token = Jwt.issuer("agentbin")
                .audience("agentbin-api")
                .subject(AGENT.agentId().toString())
                .claim(Tokens.CUSTOMER_CLAIM, AGENT.customerId().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId("not-one-of-ours")
                .sign(NEW.getPrivate());
        assertInvalid(tokens(NEW, NEW, OLD), token);
    }

    @Test
    void aKidNamingTheOtherKeyIs401() {
        String token = Jwt.issuer("agentbin")
                .audience("agentbin-api")
                .subject(AGENT.agentId().toString())
                .claim(Tokens.CUSTOMER_CLAIM, AGENT.customerId().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(JwtKeys.kid(OLD.getPublic()))
                .sign(NEW.getPrivate());
        assertInvalid(tokens(NEW, NEW, OLD), token);
    }

    @Test
    void aTokenFromBeforeKidsIsCheckedWithTheCurrentKeyOnly() {
        String legacy = Jwt.issuer("agentbin")
                .audience("agentbin-api")
                .subject(AGENT.agentId().toString())
                .claim(Tokens.CUSTOMER_CLAIM, AGENT.customerId().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(OLD.getPrivate());
        assertEquals(AGENT.agentId(), tokens(null, OLD, null).verify(legacy).agentId());
        assertInvalid(tokens(null, NEW, OLD), legacy);
    }

    @Test
    void aSigningKeyNoneOfTheFunctionsWouldAcceptStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> tokens(NEW, OLD, null));
    }

    private static void assertInvalid(Tokens tokens, String token) {
        ApiException e = assertThrows(ApiException.class, () -> tokens.verify(token));
        assertEquals(ErrorStatus.UNAUTHENTICATED, e.status());
        assertEquals("INVALID_CREDENTIALS", e.reason());
    }

    /** The objects a function builds from agentbin.jwt.private-key, public-key and previous-public-key. */
    private static Tokens tokens(KeyPair signing, KeyPair current, KeyPair previous) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "issuer",
                "agentbin",
                "audience",
                "agentbin-api",
                "lifetime",
                Duration.ofMinutes(5),
                "publicKey",
                Optional.of(pem(current, true)),
                "privateKey",
                Optional.ofNullable(signing == null ? null : pem(signing, false)),
                "previousPublicKey",
                Optional.ofNullable(previous == null ? null : pem(previous, true))));
        JwtSettings settings = (JwtSettings) Proxy.newProxyInstance(
                JwtSettings.class.getClassLoader(), new Class<?>[] {JwtSettings.class}, (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                });
        return new Tokens(settings, new JwtKeys(settings));
    }

    private static String pem(KeyPair pair, boolean isPublic) {
        String label = isPublic ? "PUBLIC KEY" : "PRIVATE KEY";
        byte[] der =
                isPublic ? pair.getPublic().getEncoded() : pair.getPrivate().getEncoded();
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label
                + "-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
