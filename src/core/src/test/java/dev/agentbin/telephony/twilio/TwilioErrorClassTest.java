package dev.agentbin.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentbin.telephony.TelephonyException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The failed-leg metric's error class: a wrong credential must be told apart from everything else. */
class TwilioErrorClassTest {

    @Test
    void wrongCredentialsAreAuth() {
        assertEquals("auth", new TwilioApiException("Authenticate", 401, 20003).errorClass());
        assertEquals("auth", new TwilioApiException("Forbidden", 403, 20403).errorClass());
    }

    @Test
    void otherFailuresHaveTheirOwnClass() {
        assertEquals("throttled", new TwilioApiException("Too many", 429, 20429).errorClass());
        assertEquals("provider_error", new TwilioApiException("Bad gateway", 502, null).errorClass());
        assertEquals("rejected", new TwilioApiException("Invalid 'To'", 400, 21211).errorClass());
        assertEquals(
                "unreachable", new TelephonyException("could not connect", new IOException("refused")).errorClass());
        assertEquals("refused", new TelephonyException("no sid").errorClass());
    }
}
