package dev.agentbin.api.telephony;

import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.TelephonyProviders;

import dev.agentbin.common.ApiException;
import dev.agentbin.telephony.twilio.TwilioCallbackUrls;
import dev.agentbin.telephony.twilio.TwilioForm;
import dev.agentbin.telephony.twilio.TwilioSettings;
import dev.agentbin.telephony.twilio.TwilioSignature;
import dev.agentbin.telephony.twilio.TwilioStatusCallback;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Verifies Twilio's requests (X-Twilio-Signature over the URL we registered plus the form) and reads
 * them as leg events. The URL is rebuilt from our settings, never taken from the request, because
 * behind API Gateway the function does not see the URL Twilio called.
 */
@ApplicationScoped
public class TwilioWebhook {

    private final TelephonyProviders providers;

    public TwilioWebhook(TelephonyProviders providers) {
        this.providers = providers;
    }

    /** The signature is checked first, over the leg parameter as received: nothing unsigned is parsed. */
    public LegEvent statusCallback(String leg, String form, String signature) {
        TwilioSettings settings = settings();
        Map<String, List<String>> params = verified(settings, new TwilioCallbackUrls(settings).eventsUrl(leg), form, signature);
        try {
            return ProviderEvents.checked(TwilioStatusCallback.parse(leg, TwilioForm.firstValues(params)));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidArgument(e.getMessage());
        }
    }

    /** Twilio fetching the answered leg's TwiML: the leg answered now. */
    public LegEvent answer(String leg, String form, String signature) {
        TwilioSettings settings = settings();
        Map<String, List<String>> params = verified(settings, new TwilioCallbackUrls(settings).answerUrl(leg), form, signature);
        UUID legId = legId(leg);
        Map<String, String> values = TwilioForm.firstValues(params);
        String answeredBy = values.get("AnsweredBy");
        return ProviderEvents.checked(new LegEvent(legId, values.get("CallSid"), answeredKind(answeredBy),
                answeredBy == null ? "answered" : answeredBy, Instant.now()));
    }

    /**
     * The Gather action of a leg that must be confirmed: a key pressed confirms it. Twilio only calls it
     * with input, but an empty Digits is still no confirmation.
     */
    public Optional<LegEvent> confirm(String leg, String form, String signature) {
        TwilioSettings settings = settings();
        Map<String, String> params = TwilioForm.firstValues(verified(settings, new TwilioCallbackUrls(settings).confirmUrl(leg), form, signature));
        UUID legId = legId(leg);
        String digits = params.get("Digits");
        return digits == null || digits.isBlank() ? Optional.empty()
                : Optional.of(ProviderEvents.checked(new LegEvent(legId, params.get("CallSid"), LegEvent.Kind.CONFIRMED, "key pressed",
                        Instant.now())));
    }

    /** The confirmation URL a leg that must press a key is sent to. */
    public String confirmUrl(UUID legId) {
        return new TwilioCallbackUrls(settings()).confirmUrl(legId.toString());
    }

    /**
     * Machine detection's verdict, present only on legs rung with it: a machine or fax is hung up, a human
     * confirms the leg, and "unknown" counts as a person (a real caller must not be dropped for a guess).
     */
    private static LegEvent.Kind answeredKind(String answeredBy) {
        if (answeredBy == null) {
            return LegEvent.Kind.ANSWERED;
        }
        return answeredBy.startsWith("machine") || answeredBy.equals("fax") ? LegEvent.Kind.MACHINE : LegEvent.Kind.CONFIRMED;
    }

    private TwilioSettings settings() {
        return providers.twilioSettings().orElseThrow(() -> WebhookErrors.unknownProvider("twilio"));
    }

    private static Map<String, List<String>> verified(TwilioSettings settings, String url, String form, String signature) {
        Map<String, List<String>> params = TwilioForm.parse(form == null ? "" : form);
        if (!TwilioSignature.verify(settings.authToken(), url, params, signature)) {
            throw WebhookErrors.badSignature();
        }
        return params;
    }

    private static UUID legId(String leg) {
        try {
            return TwilioStatusCallback.legId(leg);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidArgument(e.getMessage());
        }
    }
}
