package dev.agentbin.api.auth;

import static dev.agentbin.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthTest {

    @Inject
    TestAgents seeds;

    @Inject
    JwtKeys keys;

    TestAgents.Seeded agent;

    @BeforeEach
    void seed() {
        agent = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_AGENT);
    }

    @Test
    void loginAnswersTokenAndASecureCookie() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", agent.username().toUpperCase(), "password", TestAgents.PASSWORD))
                .post("/auth/login")
                .then()
                .statusCode(200)
                .body("username", equalTo(agent.username().toUpperCase()))
                .body("token", notNullValue())
                .header("Set-Cookie", containsString("token="))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("Secure"))
                .header("Set-Cookie", containsString("SameSite=Strict"))
                .header("Set-Cookie", containsString("Path=/"));
    }

    @Test
    void failedLoginIsTheSame401ForWrongPasswordAndUnknownUser() {
        String wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("username", agent.username(), "password", "wrong-password"))
                .post("/auth/login")
                .then()
                .statusCode(401)
                .body("error.status", equalTo("UNAUTHENTICATED"))
                .body("error.reason", equalTo("INVALID_CREDENTIALS"))
                .body("error.request_id", notNullValue())
                .extract()
                .path("error.message");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "nobody-" + UUID.randomUUID() + "@example.com", "password", "wrong-password"))
                .post("/auth/login")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_CREDENTIALS"))
                .body("error.message", equalTo(wrongPassword));
    }

    /** Logging out expires the same cookie (same name, path and attributes), so the browser drops it. */
    @Test
    void logoutExpiresTheTokenCookieEvenWithoutAValidToken() {
        given().cookie("token", "garbage")
                .post("/auth/logout")
                .then()
                .statusCode(204)
                .header("Set-Cookie", containsString("token=;"))
                .header("Set-Cookie", containsString("Max-Age=0"))
                .header("Set-Cookie", containsString("Path=/"))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("Secure"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
    }

    @Test
    void loginRejectsMissingFieldsAndBadJson() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", agent.username()))
                .post("/auth/login")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_ARGUMENT"));
        given().contentType(ContentType.JSON)
                .body("{\"username\":")
                .post("/auth/login")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_JSON_BODY"));
        given().contentType(ContentType.JSON)
                .post("/auth/login")
                .then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void tokenIsAcceptedFromCookieQueryAndBearer() {
        given().cookie("token", agent.token())
                .get("/v1.0/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(agent.id().toString()));
        given().queryParam("token", agent.token()).get("/v1.0/me").then().statusCode(200);
        given().header("Authorization", "Bearer " + agent.token())
                .get("/v1.0/me")
                .then()
                .statusCode(200);
    }

    @Test
    void cookieIsReadBeforeQueryAndQueryBeforeBearer() {
        given().cookie("token", agent.token())
                .queryParam("token", "garbage")
                .header("Authorization", "Bearer garbage")
                .get("/v1.0/me")
                .then()
                .statusCode(200);
        given().queryParam("token", agent.token())
                .header("Authorization", "Bearer garbage")
                .get("/v1.0/me")
                .then()
                .statusCode(200);
        // The first credential found is the one checked: a bad one is not skipped for a good one after it.
        given().cookie("token", "garbage")
                .queryParam("token", agent.token())
                .get("/v1.0/me")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_CREDENTIALS"));
        given().cookie("token", "garbage")
                .header("Authorization", "Bearer " + agent.token())
                .get("/v1.0/me")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_CREDENTIALS"));
        given().queryParam("token", "garbage")
                .header("Authorization", "Bearer " + agent.token())
                .get("/v1.0/me")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_CREDENTIALS"));
    }

    @Test
    void onlyTheLiteralBearerPrefixCarriesAToken() {
        given().header("Authorization", "bearer " + agent.token())
                .get("/v1.0/me")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("AUTHENTICATION_REQUIRED"));
        given().header("Authorization", agent.token())
                .get("/v1.0/me")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("AUTHENTICATION_REQUIRED"));
    }

    @Test
    void noTokenIs401AuthenticationRequired() {
        given().get("/v1.0/me")
                .then()
                .statusCode(401)
                .body("error.status", equalTo("UNAUTHENTICATED"))
                .body("error.reason", equalTo("AUTHENTICATION_REQUIRED"));
        given().header("Authorization", "Basic abc").get("/v1.0/agents").then().statusCode(401);
    }

    @Test
    void forgedAndStaleTokensAre401() {
        String sub = agent.id().toString();
        String customer = agent.customerId().toString();
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"agentbin\",\"aud\":\"agentbin-api\",\"sub\":\"" + sub + "\",\"customer_id\":\""
                + customer + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";

        assertRejected(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".");
        String hsInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
        assertRejected(hsInput + "." + hmac(hsInput, keys.publicKey().getEncoded()));

        assertRejected(Jwt.issuer("agentbin")
                .audience("agentbin-api")
                .subject(sub)
                .claim("customer_id", customer)
                .issuedAt(now - 7200)
                .expiresAt(now - 3600)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey()));
        assertRejected(Jwt.issuer("someone-else")
                .audience("agentbin-api")
                .subject(sub)
                .claim("customer_id", customer)
                .expiresIn(3600)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey()));
        assertRejected(Jwt.issuer("agentbin")
                .audience("another-api")
                .subject(sub)
                .claim("customer_id", customer)
                .expiresIn(3600)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey()));
        assertRejected(Jwt.issuer("agentbin")
                .audience("agentbin-api")
                .subject(sub)
                .expiresIn(3600)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey()));
        assertRejected(Jwt.issuer("agentbin")
                .audience("agentbin-api")
                .subject(sub)
                .claim("customer_id", customer)
                .expiresIn(3600)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(otherPrivateKey()));
        // The customer claim must match the agent's customer.
        assertRejected(Jwt.issuer("agentbin")
                .audience("agentbin-api")
                .subject(sub)
                .claim("customer_id", UUID.randomUUID().toString())
                .expiresIn(3600)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey()));

        String[] parts = agent.token().split("\\.");
        String tamperedClaims = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(sub, UUID.randomUUID().toString()));
        assertRejected(parts[0] + "." + tamperedClaims + "." + parts[2]);
    }

    @Test
    void aDeletedAgentsTokenStopsWorkingAtOnce() {
        TestAgents.Seeded admin = seeds.seed(agent.customerId(), Permission.CUSTOMER_ADMIN);
        as(agent).get("/v1.0/me").then().statusCode(200);
        as(admin).delete("/v1.0/agents/" + agent.id()).then().statusCode(200);
        as(agent).get("/v1.0/me").then().statusCode(401).body("error.reason", equalTo("INVALID_CREDENTIALS"));
        given().contentType(ContentType.JSON)
                .body(Map.of("username", agent.username(), "password", TestAgents.PASSWORD))
                .post("/auth/login")
                .then()
                .statusCode(401);
    }

    @Test
    void aPermissionChangeAppliesToTheNextRequest() {
        TestAgents.Seeded admin = seeds.seed(agent.customerId(), Permission.CUSTOMER_ADMIN);
        TestAgents.Seeded manager = seeds.seed(agent.customerId(), Permission.CUSTOMER_MANAGER);
        as(manager).get("/v1.0/agents").then().statusCode(200);
        as(admin)
                .body(Map.of("permission", Permission.CUSTOMER_AGENT))
                .put("/v1.0/agents/" + manager.id() + "/permission")
                .then()
                .statusCode(200);
        as(manager).get("/v1.0/agents").then().statusCode(403).body("error.reason", equalTo("PERMISSION_DENIED"));
    }

    private static void assertRejected(String token) {
        given().header("Authorization", "Bearer " + token)
                .get("/v1.0/me")
                .then()
                .statusCode(401)
                .body("error.reason", equalTo("INVALID_CREDENTIALS"));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(String input, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.PrivateKey otherPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
