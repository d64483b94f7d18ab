package dev.agentbin.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioFormTest {

    @Test
    void parsesRepeatedNamesPlusAndPercentEncoding() {
        Map<String, List<String>> form = TwilioForm.parse(
                "CallSid=CA1&From=%2B14155550100&Digits=5678&Digits=1234&CallerName=Jane+Doe&Empty=&Flag");
        assertEquals(List.of("CA1"), form.get("CallSid"));
        assertEquals(List.of("+14155550100"), form.get("From"));
        assertEquals(List.of("5678", "1234"), form.get("Digits"));
        assertEquals(List.of("Jane Doe"), form.get("CallerName"));
        assertEquals(List.of(""), form.get("Empty"));
        assertEquals(List.of(""), form.get("Flag"));
        assertEquals("5678", TwilioForm.firstValues(form).get("Digits"));
    }

    @Test
    void emptyBodyIsNoParameters() {
        assertTrue(TwilioForm.parse("").isEmpty());
        assertTrue(TwilioForm.parse(null).isEmpty());
    }

    @Test
    void malformedEncodingIsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> TwilioForm.parse("a=%zz"));
    }

    @Test
    void encodeRoundTripsAndRepeatsNames() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("To", List.of("+14155550123"));
        form.put("Url", List.of("https://h/p?leg=1&x=2"));
        form.put("StatusCallbackEvent", List.of("initiated", "ringing"));
        String body = TwilioForm.encode(form);
        assertEquals(
                "To=%2B14155550123&Url=https%3A%2F%2Fh%2Fp%3Fleg%3D1%26x%3D2"
                        + "&StatusCallbackEvent=initiated&StatusCallbackEvent=ringing",
                body);
        assertEquals(form, TwilioForm.parse(body));
    }
}
