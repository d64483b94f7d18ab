package dev.agentbin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** from and to: UTC dates, both inclusive, at most 31 days; today by default. */
class StatisticsWindowTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-06");

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "-,          -,          2026-12-06, 2026-12-06",
                "'',         '',         2026-12-06, 2026-12-06",
                "2026-12-01, -,          2026-12-01, 2026-12-06",
                "-,          2026-11-30, 2026-11-30, 2026-11-30",
                "2026-11-01, 2026-12-01, 2026-11-01, 2026-12-01",
                "2026-12-01, 2026-12-31, 2026-12-01, 2026-12-31",
                "' 2026-12-01 ', -,      2026-12-01, 2026-12-06",
            })
    void windows(String from, String to, LocalDate expectedFrom, LocalDate expectedTo) {
        assertEquals(new StatisticsWindow(expectedFrom, expectedTo), StatisticsWindow.parse(from, to, TODAY));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-12-07, -",
                "2026-12-02, 2026-12-01",
                "2026-11-01, 2026-12-02",
                "2026-01-01, 2026-12-31",
            })
    void aWindowBackwardsOrLongerThan31DaysIsRefused(String from, String to) {
        assertInvalid(() -> StatisticsWindow.parse(from, to, TODAY));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yesterday",
                "2026-2-01",
                "2026-02-30",
                "2026-13-01",
                "20261201",
                "2026-12-01T00:00:00Z",
                "0000-01-01",
                "+10000-01-01",
                "12026-01-01",
                "2026-12-01x"
            })
    void aDateIsExactlyYyyyMmDd(String date) {
        assertInvalid(() -> StatisticsWindow.parse(date, null, TODAY));
        assertInvalid(() -> StatisticsWindow.parse(null, date, TODAY));
    }

    private static void assertInvalid(org.junit.jupiter.api.function.Executable parse) {
        ApiException e = assertThrows(ApiException.class, parse);
        assertEquals(ErrorStatus.INVALID_ARGUMENT, e.status());
        assertEquals("INVALID_REQUEST_PARAMETER", e.reason());
    }
}
