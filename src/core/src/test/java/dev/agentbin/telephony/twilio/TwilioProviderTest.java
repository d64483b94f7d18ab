package dev.agentbin.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.telephony.Destination;
import dev.agentbin.telephony.Origination;
import dev.agentbin.telephony.TelephonyException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Twilio provider against a local server that speaks Twilio's documented REST contract. */
class TwilioProviderTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String TOKEN = "s3cr3t-auth-token-value";
    private static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";
    private static final String CALLS_PATH = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls";
    private static final UUID LEG = UUID.fromString("7d3f8a52-5b1c-4c2e-9a41-3e2b6f0c9d11");
    private static final UUID AGENT_CALL = UUID.fromString("0f5a6b7c-1d2e-4f30-8a9b-0c1d2e3f4a5b");

    private FakeTwilioServer twilio;
    private final List<Duration> sleeps = new ArrayList<>();
    private TwilioProvider provider;

    @BeforeEach
    void start() throws IOException {
        twilio = new FakeTwilioServer();
        provider = providerFor(twilio.baseUrl());
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    private TwilioProvider providerFor(String apiBaseUrl) {
        TwilioSettings settings = new TwilioSettings(
                ACCOUNT, TOKEN, apiBaseUrl, "https://abc.execute-api.eu-west-1.amazonaws.com/prod/", "+14155550100");
        return new TwilioProvider(settings, TwilioRestClient.defaultHttpClient(), sleeps::add);
    }

    private static Origination ring(Destination.Kind kind, String target, String from) {
        return new Origination(
                LEG, AGENT_CALL, from, new Destination(kind, target, null), 20, Origination.Confirmation.NONE);
    }

    @Test
    void name_isTwilio() {
        assertEquals("twilio", provider.name());
    }

    @Test
    void originate_postsTheCallsContractAndReturnsTheCallSid() {
        twilio.then(201, FakeTwilioServer.call(ACCOUNT, CALL_SID, "queued"));

        String sid = provider.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", "+14155550999"));

        assertEquals(CALL_SID, sid);
        assertEquals(1, twilio.requests().size());
        FakeTwilioServer.Recorded r = twilio.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals(CALLS_PATH + ".json", r.path());
        assertNull(r.query());
        assertEquals(
                "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)),
                r.header("Authorization"));
        assertTrue(r.header("Content-Type").startsWith("application/x-www-form-urlencoded"));

        Map<String, List<String>> form = r.form();
        assertEquals(List.of("+14155550123"), form.get("To"));
        assertEquals(List.of("+14155550999"), form.get("From"));
        String base = "https://abc.execute-api.eu-west-1.amazonaws.com/prod";
        assertEquals(List.of(base + "/v1.0/telephony/twilio/answer?leg=" + LEG), form.get("Url"));
        assertEquals(List.of("POST"), form.get("Method"));
        assertEquals(List.of(base + "/v1.0/telephony/twilio/events?leg=" + LEG), form.get("StatusCallback"));
        assertEquals(List.of("POST"), form.get("StatusCallbackMethod"));
        assertEquals(List.of("initiated", "ringing", "answered", "completed"), form.get("StatusCallbackEvent"));
        assertEquals(List.of("20"), form.get("Timeout"));
        // One form field per event, never a single joined value (which leaves calls stuck at initiated).
        assertTrue(
                r.body()
                        .contains("StatusCallbackEvent=initiated&StatusCallbackEvent=ringing"
                                + "&StatusCallbackEvent=answered&StatusCallbackEvent=completed"),
                r.body());
        assertTrue(r.body().contains("To=%2B14155550123"), "a '+' must be percent-encoded: " + r.body());
        assertNull(form.get("MachineDetection"), "no detection unless the leg asks for it");
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void originate_machineDetectionAsksTwilioToDetectBeforeFetchingTheAnswerUrl() {
        twilio.then(201, FakeTwilioServer.call(ACCOUNT, CALL_SID, "queued"));
        provider.originate(new Origination(
                LEG,
                AGENT_CALL,
                "+14155550999",
                new Destination(Destination.Kind.PHONE_NUMBER, "+14155550123", null),
                20,
                Origination.Confirmation.MACHINE_DETECTION));
        assertEquals(List.of("Enable"), twilio.requests().get(0).form().get("MachineDetection"));
    }

    @Test
    void originate_sipAddressIsDialledAsSipUri() {
        twilio.then(201, FakeTwilioServer.call(ACCOUNT, CALL_SID, "queued"));
        twilio.then(201, FakeTwilioServer.call(ACCOUNT, CALL_SID, "queued"));

        provider.originate(ring(Destination.Kind.SIP, "alice@pbx.example.com", "+14155550999"));
        provider.originate(ring(Destination.Kind.SIP, "sip:bob@pbx.example.com", "+14155550999"));

        assertEquals(
                List.of("sip:alice@pbx.example.com"),
                twilio.requests().get(0).form().get("To"));
        assertEquals(
                List.of("sip:bob@pbx.example.com"),
                twilio.requests().get(1).form().get("To"));
    }

    @Test
    void originate_nonE164SourceUsesTheConfiguredCallerId() {
        twilio.then(201, FakeTwilioServer.call(ACCOUNT, CALL_SID, "queued"));
        twilio.then(201, FakeTwilioServer.call(ACCOUNT, CALL_SID, "queued"));

        provider.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", "sip:caller@example.com"));
        provider.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", null));

        assertEquals(List.of("+14155550100"), twilio.requests().get(0).form().get("From"));
        assertEquals(List.of("+14155550100"), twilio.requests().get(1).form().get("From"));
    }

    @Test
    void originate_extensionCannotBeRungAndNothingIsSent() {
        TelephonyException e = assertThrows(
                TelephonyException.class,
                () -> provider.originate(ring(Destination.Kind.EXTENSION, "1001", "+14155550999")));
        assertTrue(e.getMessage().contains("extension"), e.getMessage());
        assertTrue(twilio.requests().isEmpty());
    }

    @Test
    void originate_ringTimeoutOutsideTwiliosRangeIsRefusedBeforeSending() {
        Destination to = new Destination(Destination.Kind.PHONE_NUMBER, "+14155550123", null);
        assertThrows(
                TelephonyException.class,
                () -> provider.originate(new Origination(LEG, AGENT_CALL, null, to, 0, Origination.Confirmation.NONE)));
        assertThrows(
                TelephonyException.class,
                () -> provider.originate(
                        new Origination(LEG, AGENT_CALL, null, to, 601, Origination.Confirmation.NONE)));
        assertTrue(twilio.requests().isEmpty());
    }

    @Test
    void originate_400CarriesTwiliosCodeAndMessageButNoCredentials() {
        twilio.thenError(400, 21211, "The 'To' number +1415555 is not a valid phone number.");

        TwilioApiException e = assertThrows(
                TwilioApiException.class,
                () -> provider.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", "+14155550999")));

        assertEquals(400, e.httpStatus());
        assertEquals(21211, e.twilioCode());
        assertTrue(e.getMessage().contains("21211"), e.getMessage());
        assertTrue(e.getMessage().contains("is not a valid phone number"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertFalse(e.getMessage()
                .contains(
                        Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, twilio.requests().size(), "a 400 is not retried");
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void originate_401IsNotRetriedAndAnEchoedTokenIsRedacted() {
        // Twilio does not echo credentials; a misbehaving proxy might. It must not reach our message.
        twilio.thenError(401, 20003, "Authenticate with " + TOKEN);

        TwilioApiException e = assertThrows(
                TwilioApiException.class,
                () -> provider.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", "+14155550999")));

        assertEquals(401, e.httpStatus());
        assertEquals(20003, e.twilioCode());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertEquals(1, twilio.requests().size());
    }

    @Test
    void originate_429ThenCreatedSucceedsAfterOneRetry() {
        twilio.thenError(429, 20429, "Too Many Requests");
        twilio.then(201, FakeTwilioServer.call(ACCOUNT, CALL_SID, "queued"));

        assertEquals(CALL_SID, provider.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", "+14155550999")));

        assertEquals(2, twilio.requests().size());
        assertEquals(twilio.requests().get(0).body(), twilio.requests().get(1).body(), "the retry is the same request");
        assertEquals(1, sleeps.size());
    }

    @Test
    void originate_5xxIsRetriedAtMostThreeAttemptsThenFails() {
        twilio.then(503, "<html>Service Unavailable</html>");
        twilio.thenError(500, 20500, "Internal Server Error");
        twilio.thenError(502, 20502, "Bad Gateway");

        TwilioApiException e = assertThrows(
                TwilioApiException.class,
                () -> provider.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", "+14155550999")));

        assertEquals(502, e.httpStatus());
        assertEquals(TwilioRestClient.MAX_ATTEMPTS, twilio.requests().size());
        assertEquals(TwilioRestClient.MAX_ATTEMPTS - 1, sleeps.size());
    }

    @Test
    void originate_nonJsonErrorBodyStillGivesTheStatus() {
        twilio.then(404, "<html>not here</html>");

        TwilioApiException e = assertThrows(
                TwilioApiException.class,
                () -> provider.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", "+14155550999")));

        assertEquals(404, e.httpStatus());
        assertNull(e.twilioCode());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void originate_retryAfterIsHonouredUpToTheCap() {
        twilio.then(
                429,
                "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}",
                Map.of("Retry-After", "1"));
        twilio.then(
                429,
                "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}",
                Map.of("Retry-After", "30"));
        twilio.then(201, FakeTwilioServer.call(ACCOUNT, CALL_SID, "queued"));

        provider.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", "+14155550999"));

        assertEquals(List.of(Duration.ofSeconds(1), TwilioRestClient.MAX_WAIT), sleeps);
    }

    @Test
    void originate_createdWithoutSidIsAnError() {
        twilio.then(201, "{\"status\": \"queued\"}");
        assertThrows(
                TelephonyException.class,
                () -> provider.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", "+14155550999")));
    }

    @Test
    void originate_unreachableApiFailsAfterBoundedAttempts() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        TwilioProvider unreachable = providerFor("http://127.0.0.1:" + freePort);

        TelephonyException e = assertThrows(
                TelephonyException.class,
                () -> unreachable.originate(ring(Destination.Kind.PHONE_NUMBER, "+14155550123", "+14155550999")));

        assertTrue(e.getMessage().contains("could not connect"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        assertEquals(TwilioRestClient.MAX_ATTEMPTS - 1, sleeps.size(), "a refused connection was never sent: retried");
    }

    @Test
    void hangup_cancelsARingingCallWithOneRequest() {
        twilio.then(200, FakeTwilioServer.call(ACCOUNT, CALL_SID, "canceled"));

        provider.hangup(CALL_SID);

        assertEquals(1, twilio.requests().size());
        FakeTwilioServer.Recorded r = twilio.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals(CALLS_PATH + "/" + CALL_SID + ".json", r.path());
        assertEquals(Map.of("Status", List.of("canceled")), r.form());
        assertTrue(r.header("Authorization").startsWith("Basic "));
    }

    @Test
    void hangup_answeredCallThatCancelDidNotEndIsCompleted() {
        // The race: the leg answered before our cancel arrived; canceled leaves it in-progress.
        twilio.then(200, FakeTwilioServer.call(ACCOUNT, CALL_SID, "in-progress"));
        twilio.then(200, FakeTwilioServer.call(ACCOUNT, CALL_SID, "completed"));

        provider.hangup(CALL_SID);

        assertEquals(2, twilio.requests().size());
        assertEquals(
                Map.of("Status", List.of("canceled")), twilio.requests().get(0).form());
        assertEquals(
                Map.of("Status", List.of("completed")), twilio.requests().get(1).form());
    }

    @Test
    void hangup_alreadyEndedCallIsNotAnError() {
        // Cancel refused because the call is not in a cancelable state, and completed finds it over too.
        twilio.thenError(400, 21220, "Call is not in-progress. Cannot redirect.");
        twilio.thenError(400, 21220, "Call is not in-progress. Cannot redirect.");

        provider.hangup(CALL_SID);

        assertEquals(2, twilio.requests().size());
        assertEquals(
                Map.of("Status", List.of("completed")), twilio.requests().get(1).form());
    }

    @Test
    void hangup_callThatEndedBetweenCancelAndCompleteIsNotAnError() {
        twilio.then(200, FakeTwilioServer.call(ACCOUNT, CALL_SID, "in-progress"));
        twilio.thenError(400, 21220, "Call is not in-progress. Cannot redirect.");

        provider.hangup(CALL_SID);

        assertEquals(2, twilio.requests().size());
    }

    @Test
    void hangup_unknownOrPurgedCallIsNotAnError() {
        twilio.thenError(404, 20404, "The requested resource was not found");

        provider.hangup(CALL_SID);

        assertEquals(1, twilio.requests().size());
    }

    @Test
    void hangup_alreadyCompletedCallEndsAfterOneRequest() {
        twilio.then(200, FakeTwilioServer.call(ACCOUNT, CALL_SID, "completed"));

        provider.hangup(CALL_SID);

        assertEquals(1, twilio.requests().size());
    }

    @Test
    void hangup_isRetriedOn5xxBecauseItIsIdempotent() {
        twilio.thenError(503, 20503, "Service Unavailable");
        twilio.then(200, FakeTwilioServer.call(ACCOUNT, CALL_SID, "canceled"));

        provider.hangup(CALL_SID);

        assertEquals(2, twilio.requests().size());
        assertEquals(1, sleeps.size());
    }

    @Test
    void hangup_authenticationFailureIsAnError() {
        twilio.thenError(401, 20003, "Authentication Error - invalid username");

        TwilioApiException e = assertThrows(TwilioApiException.class, () -> provider.hangup(CALL_SID));

        assertEquals(20003, e.twilioCode());
        assertFalse(e.getMessage().contains(TOKEN));
        assertEquals(1, twilio.requests().size());
    }

    @Test
    void hangup_otherErrorOnCompleteIsAnError() {
        twilio.then(200, FakeTwilioServer.call(ACCOUNT, CALL_SID, "in-progress"));
        twilio.thenError(400, 21200, "Invalid Status");

        TwilioApiException e = assertThrows(TwilioApiException.class, () -> provider.hangup(CALL_SID));
        assertEquals(21200, e.twilioCode());
    }

    @Test
    void hangup_rejectsAnIdThatIsNotACallSid() {
        assertThrows(IllegalArgumentException.class, () -> provider.hangup("../Accounts/AC1"));
        assertThrows(IllegalArgumentException.class, () -> provider.hangup(null));
        assertTrue(twilio.requests().isEmpty());
    }

    @Test
    void toStringNamesTheAccountButNeverShowsTheToken() {
        assertTrue(provider.toString().contains(ACCOUNT), provider.toString());
        assertTrue(provider.toString().contains("authToken=***"), provider.toString());
        assertFalse(provider.toString().contains(TOKEN), provider.toString());
    }
}
