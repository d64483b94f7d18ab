package dev.agentbin.agent;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.Ids;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where a page ends: the last agent's tm_create (formatted as the reference's token) and its id, so
 * agents created in the same microsecond are neither skipped nor repeated. A bare timestamp, as a
 * reference client may send, is accepted too.
 */
public record PageCursor(Instant tmCreate, UUID id) {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final UUID MAX_ID = new UUID(-1L, -1L);
    private static final char SEPARATOR = '_';
    /** Timestamps a token can hold: PostgreSQL's timestamptz stops at year 294276, Java's parser does not. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** Newest first, the order every cursor-paged list is read in. */
    public static final String NEWEST_FIRST = " order by tmCreate desc, id desc";

    /**
     * The condition that narrows a {@link #NEWEST_FIRST} query to the rows after this cursor, its values added to
     * {@code params}. A row comparison, not "a < x or (a = x and b < y)": PostgreSQL starts the index scan at the
     * cursor instead of reading and discarding every row before it (benchmarks/RESULTS.md, scale).
     */
    public String rowsAfter(Parameters params) {
        params.and("afterTime", tmCreate).and("afterId", id);
        return " and (tmCreate, id) < (:afterTime, :afterId)";
    }

    /**
     * The next_page_token after a page read {@link #NEWEST_FIRST}: where its last row is, or "" for an empty page
     * (every non-empty page gets one, even when nothing follows, as the reference's lists do).
     */
    public static <T> String nextToken(List<T> page, Function<T, Instant> tmCreate, Function<T, UUID> id) {
        if (page.isEmpty()) {
            return "";
        }
        T last = page.get(page.size() - 1);
        return new PageCursor(tmCreate.apply(last), id.apply(last)).token();
    }

    public String token() {
        return FORMAT.format(tmCreate) + SEPARATOR + id;
    }

    public static PageCursor parse(String token) {
        int cut = token.indexOf(SEPARATOR);
        String time = cut < 0 ? token : token.substring(0, cut);
        UUID id = cut < 0 ? MAX_ID : Ids.parseOrNull(token.substring(cut + 1));
        try {
            if (id == null) {
                throw new DateTimeParseException("bad id", token, cut);
            }
            Instant tmCreate = Instant.parse(time);
            if (tmCreate.isBefore(EARLIEST) || tmCreate.isAfter(LATEST)) {
                throw new DateTimeParseException("out of range", token, 0);
            }
            return new PageCursor(tmCreate, id);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("INVALID_PAGE_TOKEN", "page_token is not a token this API returned: " + token);
        }
    }
}
