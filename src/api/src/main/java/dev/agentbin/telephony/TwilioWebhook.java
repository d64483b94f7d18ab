package dev.agentbin.telephony;

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

    public LegEvent statusCallback(String leg, String form, String signature) {
        TwilioSettings settings = settings();
        UUID legId = legId(leg);
        Map<String, List<String>> params = verified(settings, new TwilioCallbackUrls(settings).eventsUrl(legId), form, signature);
        try {
            return ProviderEvents.checked(TwilioStatusCallback.parse(leg, TwilioForm.firstValues(params)));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidArgument(e.getMessage());
        }
    }

    /** Twilio fetching the answered leg's TwiML: the leg answered now. */
    public LegEvent answer(String leg, String form, String signature) {
        TwilioSettings settings = settings();
        UUID legId = legId(leg);
        Map<String, List<String>> params = verified(settings, new TwilioCallbackUrls(settings).answerUrl(legId), form, signature);
        String callSid = TwilioForm.firstValues(params).get("CallSid");
        return ProviderEvents.checked(new LegEvent(legId, callSid, LegEvent.Kind.ANSWERED, "answered", Instant.now()));
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
