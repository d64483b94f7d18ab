package dev.agentbin.telephony.twilio;

import dev.agentbin.common.E164;
import java.net.URI;
import java.util.Locale;

/**
 * Everything the Twilio adapter needs to place calls and to be called back.
 *
 * <p>The auth token is a secret: {@link #toString()} redacts it so that logging the settings (or an
 * object holding them) can never leak it.
 *
 * @param accountSid      the Account SID ({@code AC...}); it goes in every API path and, with the auth
 *                        token, in HTTP Basic auth
 * @param authToken       the account's primary Auth Token: the Basic-auth password and the HMAC key Twilio
 *                        signs its webhooks with
 * @param apiBaseUrl      Twilio's REST base URL; {@code null} or blank means {@link #DEFAULT_API_BASE_URL}
 *                        (tests point it at a local server)
 * @param callbackBaseUrl our public base URL as Twilio must dial it (scheme, host and any stage prefix,
 *                        e.g. {@code https://abc.execute-api.eu-west-1.amazonaws.com/prod}); a trailing
 *                        slash is dropped so the URLs we register and the URLs we verify signatures
 *                        against are built the same way
 * @param fromNumber      the caller id (E.164) presented when the ring request's source is not itself an
 *                        E.164 number; Twilio refuses numbers that are not ours or verified
 */
public record TwilioSettings(
        String accountSid, String authToken, String apiBaseUrl, String callbackBaseUrl, String fromNumber) {

    /** Twilio's public REST API (the 2010-04-01 voice API lives under it). */
    public static final String DEFAULT_API_BASE_URL = "https://api.twilio.com";

    public TwilioSettings {
        accountSid = required("accountSid", accountSid);
        authToken = required("authToken", authToken);
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank()
                ? DEFAULT_API_BASE_URL
                : absoluteHttpUrl("apiBaseUrl", apiBaseUrl);
        callbackBaseUrl = absoluteHttpUrl("callbackBaseUrl", required("callbackBaseUrl", callbackBaseUrl));
        fromNumber = required("fromNumber", fromNumber);
        if (!E164.matches(fromNumber)) {
            throw new IllegalArgumentException(
                    "fromNumber must be an E.164 number (e.g. +14155550100), got '" + fromNumber + "'");
        }
    }

    /** Redacts the auth token: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=***, apiBaseUrl=" + apiBaseUrl
                + ", callbackBaseUrl=" + callbackBaseUrl + ", fromNumber=" + fromNumber + "]";
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Twilio setting " + name + " is required");
        }
        return value.trim();
    }

    /**
     * Accepts only absolute http(s) URLs without query or fragment and drops trailing slashes, so paths can
     * be appended with a single '/'.
     */
    private static String absoluteHttpUrl(String name, String value) {
        String trimmed = value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Twilio setting " + name + " is not a valid URL: " + trimmed);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Twilio setting " + name
                    + " must be an absolute http(s) URL without query or fragment, got " + trimmed);
        }
        return trimmed;
    }
}
