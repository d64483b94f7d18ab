package dev.agentbin.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TwilioSettingsTest {

    private static final String TOKEN = "very-secret-token";

    private static TwilioSettings settings(String apiBaseUrl, String callbackBaseUrl) {
        return new TwilioSettings("AC1", TOKEN, apiBaseUrl, callbackBaseUrl, "+14155550100");
    }

    @Test
    void toStringRedactsTheToken() {
        String text = settings(null, "https://cb.example.com").toString();
        assertFalse(text.contains(TOKEN), text);
        assertTrue(text.contains("authToken=***"), text);
        assertTrue(text.contains("AC1"), text);
    }

    @Test
    void apiBaseUrlDefaultsToTwilio() {
        assertEquals(
                TwilioSettings.DEFAULT_API_BASE_URL,
                settings(null, "https://cb.example.com").apiBaseUrl());
        assertEquals(
                TwilioSettings.DEFAULT_API_BASE_URL,
                settings(" ", "https://cb.example.com").apiBaseUrl());
        assertEquals(
                "http://127.0.0.1:9999",
                settings("http://127.0.0.1:9999/", "https://cb.example.com").apiBaseUrl());
    }

    @Test
    void callbackBaseUrlLosesTrailingSlashesSoUrlsAreBuiltOneWay() {
        TwilioSettings s = settings(null, "https://abc.execute-api.eu-west-1.amazonaws.com/prod/");
        assertEquals("https://abc.execute-api.eu-west-1.amazonaws.com/prod", s.callbackBaseUrl());
        UUID leg = UUID.fromString("7d3f8a52-5b1c-4c2e-9a41-3e2b6f0c9d11");
        TwilioCallbackUrls urls = new TwilioCallbackUrls(s);
        assertEquals(
                "https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1.0/telephony/twilio/answer?leg=" + leg,
                urls.answerUrl(leg));
        assertEquals(
                "https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1.0/telephony/twilio/events?leg=" + leg,
                urls.eventsUrl(leg));
    }

    @Test
    void invalidSettingsAreRefusedWithoutEchoingTheToken() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TwilioSettings(null, TOKEN, null, "https://cb", "+14155550100"));
        IllegalArgumentException noToken = assertThrows(
                IllegalArgumentException.class,
                () -> new TwilioSettings("AC1", " ", null, "https://cb", "+14155550100"));
        assertTrue(noToken.getMessage().contains("authToken"));
        assertThrows(IllegalArgumentException.class, () -> settings(null, null));
        assertThrows(IllegalArgumentException.class, () -> settings(null, "ftp://cb.example.com"));
        assertThrows(IllegalArgumentException.class, () -> settings(null, "cb.example.com"));
        assertThrows(IllegalArgumentException.class, () -> settings(null, "https://cb.example.com/?x=1"));
        assertThrows(IllegalArgumentException.class, () -> settings("not a url", "https://cb.example.com"));
        IllegalArgumentException badFrom = assertThrows(
                IllegalArgumentException.class,
                () -> new TwilioSettings("AC1", TOKEN, null, "https://cb", "4155550100"));
        assertFalse(badFrom.getMessage().contains(TOKEN));
    }
}
