package dev.agentbin.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class TwiMLTest {

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    @Test
    void winnerJoinsTheConference() {
        assertEquals(
                PROLOG + "<Response><Dial><Conference>agentcall-42</Conference></Dial></Response>",
                TwiML.joinConference("agentcall-42"));
    }

    @Test
    void loserIsHungUp() {
        assertEquals(PROLOG + "<Response><Hangup/></Response>", TwiML.hangup());
    }

    @Test
    void conferenceNameIsEscaped() throws Exception {
        String name = "a&b <c> \"d\" 'e' é";
        String twiml = TwiML.joinConference(name);
        assertEquals(
                PROLOG + "<Response><Dial><Conference>a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; é"
                        + "</Conference></Dial></Response>",
                twiml);
        // And a real XML parser reads back exactly the name.
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(name, doc.getElementsByTagName("Conference").item(0).getTextContent());
    }

    @Test
    void injectionAttemptStaysText() {
        String twiml = TwiML.joinConference("x</Conference><Hangup/><Conference>y");
        assertEquals(
                PROLOG + "<Response><Dial><Conference>x&lt;/Conference&gt;&lt;Hangup/&gt;&lt;Conference&gt;y"
                        + "</Conference></Dial></Response>",
                twiml);
    }

    @Test
    void namesXmlCannotCarryAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TwiML.joinConference("a\u0000b"));
        assertThrows(IllegalArgumentException.class, () -> TwiML.joinConference("a\u001bb"));
        assertThrows(IllegalArgumentException.class, () -> TwiML.joinConference("  "));
        assertThrows(NullPointerException.class, () -> TwiML.joinConference(null));
    }
}
