package dev.agentbin.common;

import java.util.regex.Pattern;

/** The one rule for a telephone number in E.164: +, a non-zero country code digit, 7 to 15 digits in all. */
public final class E164 {

    private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private E164() {}

    public static boolean matches(String text) {
        return text != null && NUMBER.matcher(text).matches();
    }
}
