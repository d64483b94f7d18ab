package dev.agentbin.common;

/** Text fields as the reference keeps them: an absent one is stored and shown as "", never null. */
public final class Text {

    private Text() {}

    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
