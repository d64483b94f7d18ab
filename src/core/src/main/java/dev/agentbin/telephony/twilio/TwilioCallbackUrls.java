package dev.agentbin.telephony.twilio;

import java.util.Objects;
import java.util.UUID;

/**
 * The two webhook URLs we hand Twilio for every leg. One place builds them because the web layer must
 * verify X-Twilio-Signature against exactly the URL Twilio was given (scheme, host, stage prefix, path
 * and raw query), not against whatever URL the request appears to have after API Gateway.
 */
public final class TwilioCallbackUrls {

    /** Path of the answer webhook: Twilio fetches TwiML there when a leg connects. */
    public static final String ANSWER_PATH = "/v1.0/telephony/twilio/answer";
    /** Path of the confirmation webhook: the Gather action of a leg that must press a key. */
    public static final String CONFIRM_PATH = "/v1.0/telephony/twilio/confirm";
    /** Path of the status-callback webhook (initiated, ringing, answered, completed). */
    public static final String EVENTS_PATH = "/v1.0/telephony/twilio/events";
    /** Query parameter carrying our leg id; it is part of the signed URL, so it cannot be forged. */
    public static final String LEG_PARAM = "leg";

    private final String callbackBaseUrl;

    public TwilioCallbackUrls(TwilioSettings settings) {
        this.callbackBaseUrl = settings.callbackBaseUrl();
    }

    /** Where Twilio fetches TwiML when the leg answers. */
    public String answerUrl(UUID legId) {
        return answerUrl(Objects.requireNonNull(legId, "legId").toString());
    }

    /** The answer URL with the leg parameter as a request carried it, to check its signature before trusting it. */
    public String answerUrl(String leg) {
        return callbackBaseUrl + ANSWER_PATH + "?" + LEG_PARAM + "=" + leg;
    }

    /** Where Twilio posts the key the person pressed to confirm the answer. */
    public String confirmUrl(String leg) {
        return callbackBaseUrl + CONFIRM_PATH + "?" + LEG_PARAM + "=" + leg;
    }

    /** Where Twilio posts the leg's call-progress events. */
    public String eventsUrl(UUID legId) {
        return eventsUrl(Objects.requireNonNull(legId, "legId").toString());
    }

    /** The events URL with the leg parameter as a request carried it. */
    public String eventsUrl(String leg) {
        return callbackBaseUrl + EVENTS_PATH + "?" + LEG_PARAM + "=" + leg;
    }
}
