package dev.agentbin.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known-answer vectors from telephony-notes.md §5 (Twilio's security page and twilio-python's tests). */
class TwilioSignatureTest {

    private static final String TOKEN = "12345";
    private static final String URL_A = "https://example.com/myapp.php?foo=1&bar=2";
    private static final String URL_B = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static Map<String, List<String>> params(String... nameValues) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            p.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return p;
    }

    private static Map<String, List<String>> vectorA() {
        return params(
                "Digits",
                "1234",
                "To",
                "+18005551212",
                "From",
                "+14158675310",
                "Caller",
                "+14158675310",
                "CallSid",
                "CA1234567890ABCDE");
    }

    private static Map<String, List<String>> vectorC() {
        return params(
                "CallSid",
                "CA1234567890ABCDE",
                "Caller",
                "+14158675309",
                "Digits",
                "1234",
                "From",
                "+14158675309",
                "To",
                "+18005551212");
    }

    @Test
    void vectorA_stringToSignMatchesTwilioWorkedExample() {
        assertEquals(
                "https://example.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675310"
                        + "Digits1234From+14158675310To+18005551212",
                TwilioSignature.stringToSign(URL_A, vectorA()));
    }

    @Test
    void vectorA_knownAnswer() {
        assertEquals("L/OH5YylLD5NRKLltdqwSvS0BnU=", TwilioSignature.compute(TOKEN, URL_A, vectorA()));
        assertTrue(TwilioSignature.verify(TOKEN, URL_A, vectorA(), "L/OH5YylLD5NRKLltdqwSvS0BnU="));
    }

    @Test
    void vectorB() {
        Map<String, List<String>> p = params(
                "CallSid",
                "CA1234567890ABCDE",
                "Caller",
                "+12349013030",
                "Digits",
                "1234",
                "From",
                "+12349013030",
                "To",
                "+18005551212");
        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.compute(TOKEN, URL_B, p));
        assertTrue(TwilioSignature.verify(TOKEN, URL_B, p, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    @Test
    void vectorC_knownAnswer() {
        assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.compute(TOKEN, URL_B, vectorC()));
        assertTrue(TwilioSignature.verify(TOKEN, URL_B, vectorC(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    @Test
    void vectorCPrime_signatureWithDefaultPortIsAcceptedEitherWay() {
        String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
        assertEquals("kvajT1Ptam85bY51eRf/AJRuM3w=", TwilioSignature.compute(TOKEN, withPort, vectorC()));
        // Twilio may sign with or without the port; we accept both whichever URL we reconstruct.
        assertTrue(TwilioSignature.verify(TOKEN, URL_B, vectorC(), "kvajT1Ptam85bY51eRf/AJRuM3w="));
        assertTrue(TwilioSignature.verify(TOKEN, withPort, vectorC(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        assertTrue(TwilioSignature.verify(TOKEN, withPort, vectorC(), "kvajT1Ptam85bY51eRf/AJRuM3w="));
    }

    @Test
    void vectorD_repeatedParameterValuesAreSorted() {
        Map<String, List<String>> p = params("Sid", "CA123", "SidAccount", "AC123", "Digits", "5678", "Digits", "1234");
        assertTrue(TwilioSignature.stringToSign(URL_B, p).endsWith("Digits1234Digits5678SidCA123SidAccountAC123"));
        assertEquals("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.compute(TOKEN, URL_B, p));
        assertTrue(TwilioSignature.verify(TOKEN, URL_B, p, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }

    /** The official validator signs each distinct value once: a value sent twice must not change the signature. */
    @Test
    void vectorD_aRepeatedValueCountsOnce() {
        Map<String, List<String>> p =
                params("Sid", "CA123", "SidAccount", "AC123", "Digits", "5678", "Digits", "1234", "Digits", "5678");
        assertEquals(URL_B + "Digits1234Digits5678SidCA123SidAccountAC123", TwilioSignature.stringToSign(URL_B, p));
        assertEquals("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.compute(TOKEN, URL_B, p));
        assertTrue(TwilioSignature.verify(TOKEN, URL_B, p, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }

    @Test
    void vectorE_jsonBody() {
        String url = URL_B + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        byte[] body = "{\"property\": \"value\", \"boolean\": true}".getBytes(StandardCharsets.UTF_8);
        assertEquals("a9nBmqA0ju/hNViExpshrM61xv4=", TwilioSignature.compute(TOKEN, url, Map.of()));
        assertTrue(TwilioSignature.verifyJsonBody(TOKEN, url, body, "a9nBmqA0ju/hNViExpshrM61xv4="));
        byte[] tampered = "{\"property\": \"value\", \"boolean\": false}".getBytes(StandardCharsets.UTF_8);
        assertFalse(TwilioSignature.verifyJsonBody(TOKEN, url, tampered, "a9nBmqA0ju/hNViExpshrM61xv4="));
        assertFalse(
                TwilioSignature.verifyJsonBody(TOKEN, URL_B, body, "a9nBmqA0ju/hNViExpshrM61xv4="),
                "no bodySHA256 in the URL");
    }

    @Test
    void tampered_parameterValue_fails() {
        Map<String, List<String>> p = vectorA();
        p.put("Digits", List.of("1235"));
        assertFalse(TwilioSignature.verify(TOKEN, URL_A, p, "L/OH5YylLD5NRKLltdqwSvS0BnU="));
    }

    @Test
    void tampered_extraOrMissingParameter_fails() {
        Map<String, List<String>> extra = vectorA();
        extra.put("CallStatus", List.of("completed"));
        assertFalse(TwilioSignature.verify(TOKEN, URL_A, extra, "L/OH5YylLD5NRKLltdqwSvS0BnU="));
        Map<String, List<String>> missing = vectorA();
        missing.remove("Digits");
        assertFalse(TwilioSignature.verify(TOKEN, URL_A, missing, "L/OH5YylLD5NRKLltdqwSvS0BnU="));
    }

    @Test
    void tampered_queryParameter_fails() {
        assertFalse(TwilioSignature.verify(
                TOKEN, "https://example.com/myapp.php?foo=1&bar=3", vectorA(), "L/OH5YylLD5NRKLltdqwSvS0BnU="));
        assertFalse(
                TwilioSignature.verify(
                        TOKEN, "https://example.com/myapp.php?bar=2&foo=1", vectorA(), "L/OH5YylLD5NRKLltdqwSvS0BnU="),
                "query order is part of the signed URL");
    }

    @Test
    void tampered_schemeHostOrPath_fails() {
        assertFalse(TwilioSignature.verify(
                TOKEN, "http://example.com/myapp.php?foo=1&bar=2", vectorA(), "L/OH5YylLD5NRKLltdqwSvS0BnU="));
        assertFalse(TwilioSignature.verify(
                TOKEN, "https://example.org/myapp.php?foo=1&bar=2", vectorA(), "L/OH5YylLD5NRKLltdqwSvS0BnU="));
        assertFalse(
                TwilioSignature.verify(
                        TOKEN, "https://example.com/myapp.php/?foo=1&bar=2", vectorA(), "L/OH5YylLD5NRKLltdqwSvS0BnU="),
                "a trailing slash changes the URL");
    }

    @Test
    void tampered_token_fails() {
        assertFalse(TwilioSignature.verify("54321", URL_A, vectorA(), "L/OH5YylLD5NRKLltdqwSvS0BnU="));
    }

    @Test
    void missingOrMalformedSignature_fails() {
        assertFalse(TwilioSignature.verify(TOKEN, URL_A, vectorA(), null));
        assertFalse(TwilioSignature.verify(TOKEN, URL_A, vectorA(), ""));
        assertFalse(TwilioSignature.verify(TOKEN, URL_A, vectorA(), "L/OH5YylLD5NRKLltdqwSvS0BnU"));
        assertFalse(TwilioSignature.verify(TOKEN, URL_A, vectorA(), "l/OH5YylLD5NRKLltdqwSvS0BnU="));
    }

    @Test
    void credentialsInUrlAreDroppedBeforeSigning() {
        assertTrue(TwilioSignature.verify(
                TOKEN,
                "https://user:pass@example.com/myapp.php?foo=1&bar=2",
                vectorA(),
                "L/OH5YylLD5NRKLltdqwSvS0BnU="));
    }

    @Test
    void urlVariants_portRules() {
        assertEquals(List.of("https://h/p?q=1", "https://h:443/p?q=1"), TwilioSignature.urlVariants("https://h/p?q=1"));
        assertEquals(List.of("http://h/p", "http://h:80/p"), TwilioSignature.urlVariants("http://h:80/p"));
        assertEquals(List.of("http://h/p", "http://h:8080/p"), TwilioSignature.urlVariants("http://h:8080/p"));
        assertEquals(
                List.of("http://[::1]/p", "http://[::1]:8080/p"), TwilioSignature.urlVariants("http://[::1]:8080/p"));
        assertEquals(List.of("https://h", "https://h:443"), TwilioSignature.urlVariants("https://u:p@h"));
    }

    @Test
    void namesSortInByteOrderNotAlphabetically() {
        // Uppercase sorts before lowercase in byte order: "CallSid" < "Caller" because 'S' (0x53) < 'e' (0x65).
        Map<String, List<String>> p = params("Caller", "x", "CallSid", "y", "callsid", "z");
        assertEquals("uCallSidyCallerxcallsidz", TwilioSignature.stringToSign("u", p));
    }

    @Test
    void callbackSignedOverTheRegisteredUrlVerifiesAndOnlyThere() {
        TwilioSettings settings = new TwilioSettings(
                "AC1", TOKEN, null, "https://abc.execute-api.eu-west-1.amazonaws.com/prod/", "+14155550100");
        java.util.UUID leg = java.util.UUID.fromString("7d3f8a52-5b1c-4c2e-9a41-3e2b6f0c9d11");
        String registered = new TwilioCallbackUrls(settings).eventsUrl(leg);
        Map<String, List<String>> form =
                TwilioForm.parse("CallSid=CA1&CallStatus=in-progress&From=%2B14155550100&SequenceNumber=2");
        String signature = TwilioSignature.compute(TOKEN, registered, form);

        assertTrue(TwilioSignature.verify(TOKEN, registered, form, signature));
        // What the function might see behind API Gateway: no stage prefix, or http after TLS termination.
        assertFalse(TwilioSignature.verify(TOKEN, registered.replace("/prod", ""), form, signature));
        assertFalse(TwilioSignature.verify(TOKEN, registered.replace("https:", "http:"), form, signature));
        // Another leg id in the URL (the leg is what the callback is applied to).
        assertFalse(TwilioSignature.verify(TOKEN, registered.replace("9d11", "9d12"), form, signature));
    }
}
