package dev.agentbin.agent;

import dev.agentbin.common.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A time in a query string (from, to): RFC 3339 with an offset, e.g. 2026-12-01T00:00:00Z; a bad one is a 400. */
public final class TimeParameter {

    /** Times a query can hold: PostgreSQL's timestamptz stops at year 294276, Java's parser does not. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private TimeParameter() {}

    /** The time, or null when absent or empty. */
    public static Instant parse(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant time = OffsetDateTime.parse(text.trim()).toInstant();
            if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
                throw invalid(name + " must be between the years 1 and 9999: " + text);
            }
            return time;
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an RFC 3339 time with an offset, e.g. 2026-12-01T00:00:00Z: " + text);
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid("INVALID_REQUEST_PARAMETER", message);
    }
}
