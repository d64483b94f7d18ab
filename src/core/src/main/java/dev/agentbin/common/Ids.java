package dev.agentbin.common;

import java.util.UUID;

/** Parses ids that come from a client (paths, bodies, filters): a bad one is a 400, never a 500 or a 404. */
public final class Ids {

    private static final UUID NIL = new UUID(0L, 0L);
    private static final java.util.regex.Pattern CANONICAL = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {}

    /** A canonical, non-nil UUID, or {@code null} when the text is not one. */
    public static UUID parseOrNull(String text) {
        if (text == null || !CANONICAL.matcher(text.trim()).matches()) {
            return null;
        }
        UUID id = UUID.fromString(text.trim());
        return NIL.equals(id) ? null : id;
    }

    /** The path id of a resource; answers 400 INVALID_ID when it is not a UUID. */
    public static UUID pathId(String text) {
        UUID id = parseOrNull(text);
        if (id == null) {
            throw ApiException.invalid("INVALID_ID", "The id is not a valid UUID: " + text);
        }
        return id;
    }

    public static boolean isNil(UUID id) {
        return NIL.equals(id);
    }
}
