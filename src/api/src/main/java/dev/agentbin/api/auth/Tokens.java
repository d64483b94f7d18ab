package dev.agentbin.api.auth;

import dev.agentbin.access.Caller;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.Ids;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Singleton;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.security.PublicKey;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Issues and verifies agent tokens: RS256 only (so {@code alg: none} and HS256 signed with the public
 * key are refused), with issuer, audience, expiry, subject (the agent id) and customer id required. Each
 * token names its key in {@code kid} and is checked with that key only ({@link JwtKeys}); an unknown kid
 * is refused like a bad signature.
 */
@Singleton
public class Tokens {

    static final String CUSTOMER_CLAIM = "customer_id";
    /** The agent's token epoch at issue; tokens from before the agent's last password change are refused. */
    static final String EPOCH_CLAIM = "token_epoch";

    private final JwtSettings settings;
    private final JwtKeys keys;
    private final DefaultJWTParser parser;

    public Tokens(JwtSettings settings, JwtKeys keys) {
        this.settings = settings;
        this.keys = keys;
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), settings.issuer());
        context.setExpectedAudience(Set.of(settings.audience()));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setRequiredClaims(Set.of("sub", "exp", "iat", "aud", "iss", CUSTOMER_CLAIM));
        context.setExpGracePeriodSecs(0);
        this.parser = new DefaultJWTParser(context);
    }

    public String issue(Caller caller) {
        return Jwt.issuer(settings.issuer())
                .audience(settings.audience())
                .subject(caller.agentId().toString())
                .claim(CUSTOMER_CLAIM, caller.customerId().toString())
                .claim("type", "agent")
                .claim(EPOCH_CLAIM, caller.tokenEpoch())
                .expiresIn(settings.lifetime())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.signingKid())
                .sign(keys.privateKey());
    }

    public long lifetimeSeconds() {
        return settings.lifetime().toSeconds();
    }

    /** The agent and customer a token names; 401 INVALID_CREDENTIALS for anything that does not verify. */
    public TokenSubject verify(String token) {
        try {
            PublicKey key = keys.verifying(keyId(token)).orElseThrow(Tokens::invalid);
            JsonWebToken jwt = parser.verify(token, key);
            UUID agentId = Ids.parseOrNull(jwt.getSubject());
            UUID customerId = Ids.parseOrNull(stringClaim(jwt, CUSTOMER_CLAIM));
            if (agentId == null || customerId == null) {
                throw invalid();
            }
            return new TokenSubject(agentId, customerId, epoch(jwt));
        } catch (ParseException e) {
            throw invalid();
        }
    }

    /** The header's kid, read before the signature is checked only to pick the key that checks it. */
    private static String keyId(String token) {
        try {
            return JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
        } catch (JoseException | RuntimeException e) {
            throw invalid();
        }
    }

    private static String stringClaim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        return value instanceof JsonString json ? json.getString() : value instanceof String text ? text : null;
    }

    /** Tokens issued before epochs existed carry none: they belong to epoch 0. */
    private static long epoch(JsonWebToken jwt) {
        Object value = jwt.getClaim(EPOCH_CLAIM);
        if (value == null) {
            return 0;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.longValue();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw invalid();
    }

    public record TokenSubject(UUID agentId, UUID customerId, long tokenEpoch) {}

    static ApiException invalid() {
        return ApiException.unauthenticated("INVALID_CREDENTIALS", "The credentials are invalid or expired.");
    }
}
