package dev.agentbin.telephony.twilio;

import java.util.Objects;

/**
 * The TwiML documents we answer when Twilio fetches a leg's answer URL. The answer webhook is synchronous:
 * the connected leg waits for this document, so it is where the winner is joined and a loser (answered in
 * the gap before our hang-up reached Twilio) is dropped.
 */
public final class TwiML {

    /** Twilio accepts text/xml or application/xml for TwiML. */
    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private TwiML() {}

    /** The winning leg joins the conference the caller is (or will be) in. */
    public static String joinConference(String conferenceName) {
        Objects.requireNonNull(conferenceName, "conferenceName");
        if (conferenceName.isBlank()) {
            throw new IllegalArgumentException("conference name must not be blank");
        }
        return PROLOG + "<Response><Dial><Conference>" + escape(conferenceName) + "</Conference></Dial></Response>";
    }

    /**
     * Answer confirmation: the person hears a prompt and presses a key within {@code seconds}; Twilio
     * then posts the digit to {@code actionUrl}. Without a key the call falls through to the hang-up.
     */
    public static String confirm(String actionUrl, int seconds) {
        return PROLOG + "<Response><Gather numDigits=\"1\" timeout=\"" + seconds + "\" method=\"POST\" action=\""
                + escape(actionUrl)
                + "\"><Say>You have a call. Press any key to take it.</Say></Gather><Hangup/></Response>";
    }

    /** A losing leg is hung up at once. */
    public static String hangup() {
        return PROLOG + "<Response><Hangup/></Response>";
    }

    /**
     * XML text escaping. Characters XML 1.0 cannot carry at all (most control characters, lone
     * surrogates) are refused rather than silently dropped: a name that changed on the way would put the
     * leg in a different conference.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (!isXmlChar(c)) {
                        throw new IllegalArgumentException(String.format("character U+%04X cannot appear in TwiML", c));
                    }
                    out.appendCodePoint(c);
                }
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** XML 1.0 Char production. */
    private static boolean isXmlChar(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
