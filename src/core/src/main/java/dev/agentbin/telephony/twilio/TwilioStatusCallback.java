package dev.agentbin.telephony.twilio;

import dev.agentbin.common.Ids;
import dev.agentbin.telephony.LegEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns one Twilio status callback into a normalized {@link LegEvent}.
 *
 * <p>Only call this after {@link TwilioSignature#verify} accepted the request: the signature is what
 * binds the leg id (in the signed URL) and the CallSid to our account.
 *
 * <p>Mapping of {@code CallStatus}: queued/initiated → INITIATED, ringing → RINGING,
 * in-progress/answered → ANSWERED, completed/busy/no-answer/failed/canceled → ENDED; the raw word is kept
 * as the event's detail. {@code occurredAt} is Twilio's {@code Timestamp} (RFC 2822/1123, UTC) when it
 * parses, else the time we received the callback: a bad timestamp should not lose the event.
 * Anything we cannot attribute or understand (leg id, CallSid, status) is an
 * {@link IllegalArgumentException}, which the web layer answers with 400.
 */
public final class TwilioStatusCallback {

    private TwilioStatusCallback() {}

    /**
     * @param leg  the {@code leg} query parameter of the callback URL
     * @param form the callback's form parameters (first value of each name)
     */
    public static LegEvent parse(String leg, Map<String, String> form) {
        return parse(leg, form, Clock.systemUTC());
    }

    static LegEvent parse(String leg, Map<String, String> form, Clock clock) {
        Objects.requireNonNull(form, "form");
        UUID legId = legId(leg);
        String callSid = form.get("CallSid");
        if (callSid == null || callSid.isBlank()) {
            throw new IllegalArgumentException("Twilio status callback without CallSid");
        }
        String status = form.get("CallStatus");
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("Twilio status callback without CallStatus");
        }
        String raw = status.trim().toLowerCase(Locale.ROOT);
        return new LegEvent(legId, callSid.trim(), kind(raw), raw, occurredAt(form.get("Timestamp"), clock));
    }

    /** Our leg id from the callback URL's {@code leg} query parameter. */
    public static UUID legId(String leg) {
        if (leg == null || leg.isBlank()) {
            throw new IllegalArgumentException("Twilio callback without the 'leg' query parameter");
        }
        UUID id = Ids.parseOrNull(leg);
        if (id == null) {
            throw new IllegalArgumentException("Twilio callback 'leg' is not a UUID: '" + abbreviate(leg) + "'");
        }
        return id;
    }

    static LegEvent.Kind kind(String status) {
        return switch (status) {
            case "queued", "initiated" -> LegEvent.Kind.INITIATED;
            case "ringing" -> LegEvent.Kind.RINGING;
            case "in-progress", "answered" -> LegEvent.Kind.ANSWERED;
            case "completed", "busy", "no-answer", "failed", "canceled" -> LegEvent.Kind.ENDED;
            default ->
                throw new IllegalArgumentException("unknown Twilio CallStatus '" + abbreviate(status)
                        + "', expected one of [queued, initiated, ringing, in-progress, answered, completed, busy,"
                        + " no-answer, failed, canceled]");
        };
    }

    private static Instant occurredAt(String timestamp, Clock clock) {
        if (timestamp != null && !timestamp.isBlank()) {
            try {
                return ZonedDateTime.parse(timestamp.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException ignored) {
                // Fall back to the receive time: the status matters more than its exact instant.
            }
        }
        return clock.instant();
    }

    /** Echoed input is shortened so a hostile value cannot flood logs or error bodies. */
    private static String abbreviate(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
