package dev.agentbin.stats;

import dev.agentbin.common.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * The days statistics cover: from and to are UTC dates (YYYY-MM-DD), both inclusive, at most
 * {@value #MAX_DAYS} days. Absent, to is today and from is to (so neither: today). Every bad parameter is
 * a 400 INVALID_REQUEST_PARAMETER.
 */
public record StatisticsWindow(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 31;
    /** Exactly YYYY-MM-DD and a real date (no 2026-02-30). */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    public static StatisticsWindow parse(String fromText, String toText, LocalDate today) {
        LocalDate to = parseDate("to", toText);
        to = to == null ? today : to;
        LocalDate from = parseDate("from", fromText);
        from = from == null ? to : from;
        if (from.isAfter(to)) {
            throw invalidParameter("from (" + from + ") must not be after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw invalidParameter(
                    "the window is at most " + MAX_DAYS + " days, from and to included: " + from + " to " + to);
        }
        return new StatisticsWindow(from, to);
    }

    private static LocalDate parseDate(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim(), DATE);
            if (date.getYear() < 1) {
                throw invalidParameter(name + " must be a date between the years 1 and 9999: " + text);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw invalidParameter(name + " must be a UTC date as YYYY-MM-DD, e.g. 2026-12-01: " + text);
        }
    }

    private static ApiException invalidParameter(String message) {
        return ApiException.invalid("INVALID_REQUEST_PARAMETER", message);
    }
}
