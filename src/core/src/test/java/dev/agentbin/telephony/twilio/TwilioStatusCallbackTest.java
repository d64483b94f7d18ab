package dev.agentbin.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.telephony.LegEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioStatusCallbackTest {

    private static final String LEG = "7d3f8a52-5b1c-4c2e-9a41-3e2b6f0c9d11";
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** A status callback as Twilio posts it (notes §4), for one CallStatus. */
    private static Map<String, String> callback(String status) {
        Map<String, String> form = new HashMap<>();
        form.put("CallSid", "CA0123456789abcdef0123456789abcdef");
        form.put("AccountSid", "AC00000000000000000000000000000001");
        form.put("From", "+14155550100");
        form.put("To", "+14155550123");
        form.put("CallStatus", status);
        form.put("ApiVersion", "2010-04-01");
        form.put("Direction", "outbound-api");
        form.put("CallbackSource", "call-progress-events");
        form.put("SequenceNumber", "0");
        form.put("Timestamp", "Tue, 31 Aug 2010 20:36:44 +0000");
        return form;
    }

    @ParameterizedTest
    @CsvSource({
        "queued, INITIATED",
        "initiated, INITIATED",
        "ringing, RINGING",
        "in-progress, ANSWERED",
        "answered, ANSWERED",
        "completed, ENDED",
        "busy, ENDED",
        "no-answer, ENDED",
        "failed, ENDED",
        "canceled, ENDED"
    })
    void everyTwilioStatusMapsToItsKind(String status, LegEvent.Kind kind) {
        LegEvent event = TwilioStatusCallback.parse(LEG, callback(status), CLOCK);

        assertEquals(UUID.fromString(LEG), event.legId());
        assertEquals("CA0123456789abcdef0123456789abcdef", event.providerCallId());
        assertEquals(kind, event.kind());
        assertEquals(status, event.detail());
        assertEquals(Instant.parse("2010-08-31T20:36:44Z"), event.occurredAt());
    }

    @Test
    void missingTimestampMeansNow() {
        Map<String, String> form = callback("ringing");
        form.remove("Timestamp");
        assertEquals(NOW, TwilioStatusCallback.parse(LEG, form, CLOCK).occurredAt());
    }

    @Test
    void unparsableTimestampMeansNowRatherThanLosingTheEvent() {
        Map<String, String> form = callback("completed");
        form.put("Timestamp", "yesterday");
        assertEquals(NOW, TwilioStatusCallback.parse(LEG, form, CLOCK).occurredAt());
    }

    @Test
    void unknownStatusIsRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TwilioStatusCallback.parse(LEG, callback("exploded"), CLOCK));
        assertTrue(e.getMessage().contains("exploded"), e.getMessage());
    }

    @Test
    void missingStatusOrCallSidIsRejected() {
        Map<String, String> noStatus = callback("ringing");
        noStatus.remove("CallStatus");
        assertThrows(IllegalArgumentException.class, () -> TwilioStatusCallback.parse(LEG, noStatus, CLOCK));
        Map<String, String> noSid = callback("ringing");
        noSid.remove("CallSid");
        assertThrows(IllegalArgumentException.class, () -> TwilioStatusCallback.parse(LEG, noSid, CLOCK));
    }

    @Test
    void missingOrInvalidLegIsRejected() {
        assertThrows(
                IllegalArgumentException.class, () -> TwilioStatusCallback.parse(null, callback("ringing"), CLOCK));
        assertThrows(IllegalArgumentException.class, () -> TwilioStatusCallback.parse("", callback("ringing"), CLOCK));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TwilioStatusCallback.parse("not-a-uuid", callback("ringing"), CLOCK));
        assertTrue(e.getMessage().contains("leg"), e.getMessage());
        // UUID.fromString alone would accept this short form.
        assertThrows(
                IllegalArgumentException.class,
                () -> TwilioStatusCallback.parse("1-2-3-4-5", callback("ringing"), CLOCK));
    }

    @Test
    void publicParseUsesTheSystemClock() {
        Map<String, String> form = callback("ringing");
        form.remove("Timestamp");
        Instant before = Instant.now();
        LegEvent event = TwilioStatusCallback.parse(LEG, form);
        assertTrue(!event.occurredAt().isBefore(before));
    }
}
