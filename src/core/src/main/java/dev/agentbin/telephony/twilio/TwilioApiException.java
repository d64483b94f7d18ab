package dev.agentbin.telephony.twilio;

import dev.agentbin.telephony.TelephonyException;

/**
 * Twilio answered with an error. Carries the HTTP status and Twilio's own error code so callers can tell
 * "already over" (20404, 21220) from real refusals; the message holds Twilio's message and never any
 * credential.
 */
public class TwilioApiException extends TelephonyException {

    /** Twilio's code for "resource not found" (e.g. an unknown or purged Call SID). */
    public static final int NOT_FOUND = 20404;
    /** Twilio's code for "call is not in a state for this operation", e.g. already ended. */
    public static final int INVALID_CALL_STATE = 21220;
    /** Twilio's code for "too many concurrent requests": never processed, safe to retry. */
    public static final int TOO_MANY_REQUESTS = 20429;

    private final int httpStatus;
    private final Integer twilioCode;

    public TwilioApiException(String message, int httpStatus, Integer twilioCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.twilioCode = twilioCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Twilio's error code from the JSON body, or null when the body had none (e.g. a proxy's 502 page). */
    public Integer twilioCode() {
        return twilioCode;
    }

    /** Wrong account SID or auth token shows as {@code auth}: every leg fails until the credentials are fixed. */
    @Override
    public String errorClass() {
        if (httpStatus == 401 || httpStatus == 403) {
            return "auth";
        }
        if (httpStatus == 429 || (twilioCode != null && twilioCode == TOO_MANY_REQUESTS)) {
            return "throttled";
        }
        return httpStatus >= 500 ? "provider_error" : "rejected";
    }
}
