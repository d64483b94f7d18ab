package dev.agentbin.telephony.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentbin.common.E164;
import dev.agentbin.telephony.Destination;
import dev.agentbin.telephony.LegEventSink;
import dev.agentbin.telephony.Origination;
import dev.agentbin.telephony.ProviderCallback;
import dev.agentbin.telephony.TelephonyException;
import dev.agentbin.telephony.TelephonyProvider;
import dev.agentbin.telephony.WebhookReply;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Twilio Programmable Voice behind the {@link TelephonyProvider} port: one REST-created call per leg, with
 * a per-leg answer URL and status callback so ring-all can pick the winner itself; Twilio's requests to
 * those URLs are verified and read by {@link TwilioWebhook}. The requests go through
 * {@link TwilioRestClient}, which retries what is safe to retry.
 *
 * <h2>What may be sent twice</h2>
 * A request that was sent but got no answer (read timeout, connection reset) is retried only by
 * {@link #hangup}, which is idempotent. {@link #originate} does not retry it: Twilio has no idempotency
 * key for call creation, so the call may exist and a retry could ring the phone twice. A 5xx on create
 * is retried anyway (Twilio only documents 429 as "never processed"; a 5xx most likely did not create the
 * call, but that is not guaranteed). Should a duplicate happen, it reports events under the same leg id
 * with a different CallSid: the agentcall logic hangs up any CallSid other than the one it holds for the
 * leg, and the answer route never joins it.
 */
public final class TwilioProvider implements TelephonyProvider {

    static final String NAME = "twilio";

    /** The events we subscribe to; Twilio wants one form field per event (a joined value silently fails). */
    static final List<String> STATUS_CALLBACK_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    /** Twilio's longest allowed ring time (Timeout parameter). */
    static final int MAX_RING_TIMEOUT_SECONDS = 600;

    private static final Set<String> FINAL_STATUSES = Set.of("completed", "busy", "no-answer", "canceled", "failed");
    /** Call SIDs are "CA" + 32 hex; we only insist on a safe path segment. */
    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9]{2,64}");

    private final TwilioSettings settings;
    private final TwilioCallbackUrls callbackUrls;
    private final TwilioWebhook webhook;
    private final TwilioRestClient rest;

    public TwilioProvider(TwilioSettings settings) {
        this(settings, TwilioRestClient.defaultHttpClient(), duration -> Thread.sleep(duration.toMillis()));
    }

    TwilioProvider(TwilioSettings settings, HttpClient http, TwilioRestClient.Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.callbackUrls = new TwilioCallbackUrls(settings);
        this.webhook = new TwilioWebhook(settings);
        this.rest = new TwilioRestClient(settings, http, sleeper);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WebhookReply onWebhook(ProviderCallback request, LegEventSink sink) {
        return webhook.handle(request, sink);
    }

    /**
     * Creates the call. Twilio fetches TwiML from our answer URL when the leg connects and posts every
     * progress event to our events URL; both carry the leg id.
     *
     * @return the CallSid
     */
    @Override
    public String originate(Origination origination) {
        Objects.requireNonNull(origination, "origination");
        Objects.requireNonNull(origination.legId(), "origination.legId");
        int timeout = origination.ringTimeoutSeconds();
        if (timeout < 1 || timeout > MAX_RING_TIMEOUT_SECONDS) {
            throw new TelephonyException(
                    "ring timeout must be 1 to " + MAX_RING_TIMEOUT_SECONDS + " seconds for Twilio, got " + timeout);
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("To", List.of(to(origination.to())));
        form.put("From", List.of(from(origination.from())));
        form.put("Url", List.of(callbackUrls.answerUrl(origination.legId())));
        form.put("Method", List.of("POST"));
        form.put("StatusCallback", List.of(callbackUrls.eventsUrl(origination.legId())));
        form.put("StatusCallbackMethod", List.of("POST"));
        form.put("StatusCallbackEvent", STATUS_CALLBACK_EVENTS);
        form.put("Timeout", List.of(Integer.toString(timeout)));
        if (origination.confirmation() == Origination.Confirmation.MACHINE_DETECTION) {
            // Synchronous detection: Twilio fetches the answer URL once it knows, with AnsweredBy.
            form.put("MachineDetection", List.of("Enable"));
        }

        JsonNode call = rest.post("create call", "/Calls.json", form, false);
        String sid = call.path("sid").asText("");
        if (sid.isBlank()) {
            throw new TelephonyException("Twilio accepted the call but its answer has no sid");
        }
        return sid;
    }

    /**
     * Ends the call whatever state it is in, following Twilio's rules: {@code Status=canceled} ends a
     * queued or ringing call but leaves an answered one up; {@code Status=completed} ends an answered one.
     * We do not know the state (it can change between our decision and the request), so:
     * <ol>
     *   <li>send {@code canceled}; a 200 whose status is final means done;</li>
     *   <li>if the 200 says anything else (in practice {@code in-progress}: answered in the gap), or the
     *       cancel was refused with a 400 (the call may be in a state canceled cannot touch), send
     *       {@code completed};</li>
     *   <li>404 / 20404 (unknown or purged call) and 21220 on {@code completed} ("not in-progress", i.e.
     *       already over) count as success: hanging up an ended call is not an error.</li>
     * </ol>
     * A call canceled while still queued produces no status callbacks at all (Twilio), so the caller
     * must not wait for an ENDED event for it.
     */
    @Override
    public void hangup(String providerCallId) {
        if (providerCallId == null || !CALL_SID.matcher(providerCallId).matches()) {
            throw new IllegalArgumentException("not a Twilio Call SID: '" + providerCallId + "'");
        }
        String path = "/Calls/" + providerCallId + ".json";
        try {
            JsonNode call = rest.post("cancel call", path, Map.of("Status", List.of("canceled")), true);
            if (FINAL_STATUSES.contains(call.path("status").asText(""))) {
                return;
            }
        } catch (TwilioApiException e) {
            if (e.httpStatus() == 404) {
                return;
            }
            if (e.httpStatus() != 400) {
                throw e;
            }
        }
        try {
            rest.post("complete call", path, Map.of("Status", List.of("completed")), true);
        } catch (TwilioApiException e) {
            if (!isAlreadyOver(e)) {
                throw e;
            }
        }
    }

    private static boolean isAlreadyOver(TwilioApiException e) {
        Integer code = e.twilioCode();
        return e.httpStatus() == 404
                || (code != null
                        && (code == TwilioApiException.NOT_FOUND || code == TwilioApiException.INVALID_CALL_STATE));
    }

    /** A number is rung as such, sip as a SIP URI; an extension only exists on a PBX Twilio cannot reach. */
    static String to(Destination address) {
        if (address == null
                || address.kind() == null
                || address.target() == null
                || address.target().isBlank()) {
            throw new TelephonyException("the address to ring has no type or target");
        }
        String target = address.target();
        return switch (address.kind()) {
            case PHONE_NUMBER -> target;
            case SIP -> target.regionMatches(true, 0, "sip:", 0, 4) ? target : "sip:" + target;
            case EXTENSION ->
                throw new TelephonyException(
                        "extension addresses cannot be rung over Twilio (extension " + target + ")");
        };
    }

    /** The ring request's source when it is a number Twilio can present, else our configured caller id. */
    String from(String source) {
        return source != null && E164.matches(source) ? source : settings.fromNumber();
    }

    @Override
    public String toString() {
        return "TwilioProvider[" + settings + "]";
    }
}
