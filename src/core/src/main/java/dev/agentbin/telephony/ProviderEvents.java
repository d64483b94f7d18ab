package dev.agentbin.telephony;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.StrictJson;
import java.time.Instant;

/**
 * Provider input is checked like client input, at the webhook: a value the database cannot store
 * (a NUL, an overlong text, a timestamp outside its range) is a 400 here, not a failed transaction later.
 * A signature proves who sent an event, not that it is well formed.
 */
public final class ProviderEvents {

    /** The columns the event's texts land in (provider_call_id, end_reason) hold 255 characters. */
    private static final int MAX_TEXT = 255;

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private ProviderEvents() {}

    public static LegEvent checked(LegEvent event) {
        if (event.legId() == null || event.kind() == null) {
            throw ApiException.invalidArgument("leg_id and kind are required");
        }
        text("call_id", event.providerCallId());
        text("detail", event.detail());
        Instant at = event.occurredAt();
        if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
            throw ApiException.invalidArgument("occurred_at must be between " + EARLIEST + " and " + LATEST);
        }
        return event;
    }

    private static void text(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_TEXT) {
            throw ApiException.invalidArgument(field + " is at most " + MAX_TEXT + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw ApiException.invalidArgument(field + " " + StrictJson.NUL_MESSAGE);
        }
    }
}
