package dev.agentbin.api.auth;

import static dev.agentbin.api.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.auth.PasswordResetService;
import dev.agentbin.auth.PasswordResetSettings;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Password forgot and reset through the HTTP function, with the mail sent through the SES mailer. */
@QuarkusTest
class PasswordResetTest {

    private static final Pattern LINK =
            Pattern.compile("https://agentbin\\.example\\.com/auth/password-reset\\?token=([0-9a-f]{64})");
    private static FakeSes ses;

    @Inject
    TestAgents seeds;

    @Inject
    PasswordResetService resets;

    @Inject
    PasswordResetSettings settings;

    @Inject
    EntityManager db;

    TestAgents.Seeded agent;

    @BeforeAll
    static void startSes() throws IOException {
        ses = FakeSes.start();
    }

    @BeforeEach
    void seed() {
        agent = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_AGENT);
    }

    @Test
    void forgotAnswersAlikeForKnownAndUnknownUsernamesAndMailsOnlyAKnownOne() {
        forgot("warm-up-" + UUID.randomUUID() + "@example.com");
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        Response known = forgot(agent.username());
        Response nobody = forgot(unknown);

        for (Response response : List.of(known, nobody)) {
            response.then().statusCode(200).contentType(ContentType.JSON);
            assertTrue(
                    response.time() >= settings.forgotDuration().toMillis(), "answered in " + response.time() + " ms");
        }
        assertEquals(known.asString(), nobody.asString());
        assertEquals("{}", known.asString());
        assertEquals(List.of(), ses.sentTo(unknown));
        List<FakeSes.Sent> mails = ses.sentTo(agent.username());
        assertEquals(1, mails.size());
        assertEquals("no-reply@agentbin.example.com", mails.get(0).from());
        assertTrue(LINK.matcher(mails.get(0).text()).find(), mails.get(0).text());
    }

    @Test
    void theMailedLinkOpensTheFormAndSetsThePasswordRevokingEarlierTokens() {
        String before = TestAgents.login(agent.username(), TestAgents.PASSWORD);
        String link = linkIn(forgotAndReadMail(agent.username()));

        given().get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery())
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("<label for=\"password\">"))
                .body(containsString("value=\"" + tokenOf(link) + "\""));

        reset(tokenOf(link), "a-brand-new-password").then().statusCode(200).body(equalTo("{}"));

        as(before).get("/v1.0/me").then().statusCode(401).body("error.reason", equalTo("INVALID_CREDENTIALS"));
        login(agent.username(), TestAgents.PASSWORD).then().statusCode(401);
        as(TestAgents.login(agent.username(), "a-brand-new-password"))
                .get("/v1.0/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(agent.id().toString()));
    }

    @Test
    void aLinkWorksOnce() {
        String token = tokenOf(linkIn(forgotAndReadMail(agent.username())));
        reset(token, "first-new-password").then().statusCode(200);
        assertInvalidToken(reset(token, "second-new-password"));
        TestAgents.login(agent.username(), "first-new-password");
    }

    @Test
    void aResetRevokesEveryEarlierLinkOfTheAgent() {
        String first = tokenOf(linkIn(forgotAndReadMail(agent.username())));
        String second = tokenOf(linkIn(forgotAndReadMail(agent.username())));
        reset(second, "second-new-password").then().statusCode(200);
        assertInvalidToken(reset(first, "first-new-password"));
        TestAgents.login(agent.username(), "second-new-password");
    }

    @Test
    void anExpiredLinkAnswersLikeAnUnknownOneAndChangesNothing() {
        String token = tokenOf(linkIn(forgotAndReadMail(agent.username())));
        expireLinksOf(agent.id());
        assertInvalidToken(reset(token, "too-late-password"));
        TestAgents.login(agent.username(), TestAgents.PASSWORD);
    }

    @Test
    void unknownAndMalformedTokensAnswerAlike() {
        Response unknown = reset("0".repeat(64), "a-valid-password");
        Response malformed = reset("not-a-token", "a-valid-password");
        assertInvalidToken(unknown);
        assertInvalidToken(malformed);
        assertEquals(
                unknown.jsonPath().getString("error.message"),
                malformed.jsonPath().getString("error.message"));
    }

    @Test
    void theNewPasswordFollowsTheRulesAndAWeakOneDoesNotSpendTheLink() {
        String token = tokenOf(linkIn(forgotAndReadMail(agent.username())));
        for (String weak : List.of("short", "é".repeat(37), "")) {
            reset(token, weak)
                    .then()
                    .statusCode(400)
                    .body("error.reason", equalTo("INVALID_ARGUMENT"))
                    .body("error.message", containsString("8 to 72 characters"));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/auth/password-reset")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_ARGUMENT"));
        reset(token, "a-strong-enough-one").then().statusCode(200);
    }

    @Test
    void badRequestsAreRefusedInTheEnvelope() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/auth/password-forgot")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_ARGUMENT"));
        given().contentType(ContentType.JSON)
                .body("{")
                .post("/auth/password-forgot")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_JSON_BODY"));
        given().get("/auth/password-reset?token=not-hex")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("role=\"alert\""));
        given().get("/auth/password-reset").then().statusCode(400);
    }

    @Test
    void aUsernameGetsAFewLinksPerWindow() {
        String username = "flooded-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < settings.usernameRequests(); i++) {
            forgot(username).then().statusCode(200);
        }
        forgot(username.toUpperCase())
                .then()
                .statusCode(429)
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThan(0))
                .body("error.reason", equalTo("TOO_MANY_ATTEMPTS"));
    }

    @Test
    void unicodeVariantsOfAUsernameShareItsBudgetAndReachItsAccount() {
        String username = "iiiiii-" + UUID.randomUUID() + "@example.com";
        seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_AGENT, username);
        for (int i = 0; i < settings.usernameRequests(); i++) {
            forgot(LoginDefenceTest.dotted(username, i + 1)).then().statusCode(200);
        }
        assertEquals(settings.usernameRequests(), ses.sentTo(username).size());
        forgot(LoginDefenceTest.dotted(username, 6))
                .then()
                .statusCode(429)
                .body("error.reason", equalTo("TOO_MANY_ATTEMPTS"));
    }

    @Test
    void aSourceAsksForAFewAccountsPerWindow() {
        String source = "harvester-" + UUID.randomUUID();
        for (int i = 0; i < settings.sourceRequests(); i++) {
            resets.forgot("user-" + UUID.randomUUID() + "@example.com", source);
        }
        ApiException refused = Assertions.assertThrows(
                ApiException.class, () -> resets.forgot("user-" + UUID.randomUUID() + "@example.com", source));
        assertEquals(ErrorStatus.RESOURCE_EXHAUSTED, refused.status());
    }

    private static Response forgot(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username))
                .post("/auth/password-forgot");
    }

    private static Response reset(String token, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token, "password", password))
                .post("/auth/password-reset");
    }

    private static Response login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/auth/login");
    }

    private String forgotAndReadMail(String username) {
        int before = ses.sentTo(username).size();
        forgot(username).then().statusCode(200);
        List<FakeSes.Sent> mails = ses.sentTo(username);
        assertEquals(before + 1, mails.size());
        return mails.get(mails.size() - 1).text();
    }

    private static String linkIn(String text) {
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), text);
        return link.group();
    }

    private static String tokenOf(String link) {
        Matcher matcher = LINK.matcher(link);
        assertTrue(matcher.matches(), link);
        return matcher.group(1);
    }

    private static void assertInvalidToken(Response response) {
        response.then()
                .statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.reason", equalTo("INVALID_RESET_TOKEN"));
    }

    @Transactional
    void expireLinksOf(UUID agentId) {
        db.createNativeQuery(
                        "update auth_password_resets set expires_at = now() - interval '1 second' where agent_id = ?1")
                .setParameter(1, agentId)
                .executeUpdate();
    }
}
