package dev.agentbin.telephony.twilio;

import dev.agentbin.common.ApiException;
import dev.agentbin.telephony.AnswerOutcome;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.LegEventSink;
import dev.agentbin.telephony.ProviderCallback;
import dev.agentbin.telephony.ProviderEvents;
import dev.agentbin.telephony.WebhookErrors;
import dev.agentbin.telephony.WebhookReply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Twilio's requests to us: status callbacks, the answer URL (Twilio fetching the answered leg's TwiML,
 * where the answer race is decided) and the key a person pressed. Each is verified (X-Twilio-Signature
 * over the URL we registered plus the form) before anything is read from it. The URL is rebuilt from our
 * settings, never taken from the request, because behind API Gateway the function does not see the URL
 * Twilio called.
 */
final class TwilioWebhook {

    /** How long a person has to press a key once the prompt has played. */
    static final int CONFIRM_SECONDS = 5;

    private static final String NAME = TwilioProvider.NAME;

    private final TwilioSettings settings;
    private final TwilioCallbackUrls urls;

    TwilioWebhook(TwilioSettings settings) {
        this.settings = settings;
        this.urls = new TwilioCallbackUrls(settings);
    }

    WebhookReply handle(ProviderCallback request, LegEventSink sink) {
        String leg = request.query().apply(TwilioCallbackUrls.LEG_PARAM);
        String form = new String(request.body(), StandardCharsets.UTF_8);
        String signature = request.header().apply(TwilioSignature.HEADER);
        return switch (request.hook()) {
            case EVENTS -> {
                sink.onLegEvent(NAME, statusCallback(leg, form, signature));
                yield WebhookReply.NONE;
            }
            case ANSWER -> {
                LegEvent answered = answer(leg, form, signature);
                yield twiml(sink.onAnswer(NAME, answered), answered.legId());
            }
            case CONFIRM -> {
                LegEvent confirmed = confirm(leg, form, signature);
                yield confirmed == null
                        ? twiml(TwiML.hangup())
                        : twiml(sink.onAnswer(NAME, confirmed), confirmed.legId());
            }
        };
    }

    /** The signature is checked first, over the leg parameter as received: nothing unsigned is parsed. */
    private LegEvent statusCallback(String leg, String form, String signature) {
        Map<String, List<String>> params = verified(urls.eventsUrl(leg), form, signature);
        try {
            return ProviderEvents.checked(TwilioStatusCallback.parse(leg, TwilioForm.firstValues(params)));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidArgument(e.getMessage());
        }
    }

    /** Twilio fetching the answered leg's TwiML: the leg answered now. */
    private LegEvent answer(String leg, String form, String signature) {
        Map<String, String> values = TwilioForm.firstValues(verified(urls.answerUrl(leg), form, signature));
        String answeredBy = values.get("AnsweredBy");
        return ProviderEvents.checked(new LegEvent(
                legId(leg),
                values.get("CallSid"),
                answeredKind(answeredBy),
                answeredBy == null ? "answered" : answeredBy,
                Instant.now()));
    }

    /**
     * The Gather action of a leg that must be confirmed: a key pressed confirms it (null: no confirmation).
     * Twilio only calls it with input, but an empty Digits is still no confirmation.
     */
    private LegEvent confirm(String leg, String form, String signature) {
        Map<String, String> params = TwilioForm.firstValues(verified(urls.confirmUrl(leg), form, signature));
        UUID legId = legId(leg);
        String digits = params.get("Digits");
        return digits == null || digits.isBlank()
                ? null
                : ProviderEvents.checked(new LegEvent(
                        legId, params.get("CallSid"), LegEvent.Kind.CONFIRMED, "key pressed", Instant.now()));
    }

    private WebhookReply twiml(AnswerOutcome outcome, UUID legId) {
        return twiml(
                switch (outcome.kind()) {
                    case JOIN -> TwiML.joinConference(outcome.joinTarget());
                    case CONFIRM -> TwiML.confirm(urls.confirmUrl(legId.toString()), CONFIRM_SECONDS);
                    case HANGUP -> TwiML.hangup();
                });
    }

    private static WebhookReply twiml(String document) {
        return new WebhookReply(TwiML.CONTENT_TYPE, document);
    }

    /**
     * Machine detection's verdict, present only on legs rung with it: a machine or fax is hung up, a human
     * confirms the leg, and "unknown" counts as a person (a real caller must not be dropped for a guess).
     */
    private static LegEvent.Kind answeredKind(String answeredBy) {
        if (answeredBy == null) {
            return LegEvent.Kind.ANSWERED;
        }
        return answeredBy.startsWith("machine") || answeredBy.equals("fax")
                ? LegEvent.Kind.MACHINE
                : LegEvent.Kind.CONFIRMED;
    }

    private Map<String, List<String>> verified(String url, String form, String signature) {
        Map<String, List<String>> params = TwilioForm.parse(form);
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
