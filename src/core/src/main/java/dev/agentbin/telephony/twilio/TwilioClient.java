package dev.agentbin.telephony.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.common.E164;
import dev.agentbin.telephony.Destination;
import dev.agentbin.telephony.LegEventSink;
import dev.agentbin.telephony.Origination;
import dev.agentbin.telephony.TelephonyException;
import dev.agentbin.telephony.TelephonyProvider;
import dev.agentbin.telephony.WebhookReply;
import dev.agentbin.telephony.WebhookRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Twilio Programmable Voice behind the {@link TelephonyProvider} port: one REST-created call per leg, with
 * a per-leg answer URL and status callback so ring-all can pick the winner itself; Twilio's requests to
 * those URLs are verified and read by {@link TwilioWebhook}.
 *
 * <h2>Requests</h2>
 * Form-encoded POSTs to the 2010-04-01 API, {@code .json} suffix (without it Twilio answers XML), HTTP
 * Basic auth with Account SID and Auth Token. Connect timeout 5 s, whole-request timeout 10 s, redirects
 * are not followed (a redirect must never carry our Authorization header elsewhere), HTTP/1.1.
 *
 * <h2>Retry policy</h2>
 * At most {@value #MAX_ATTEMPTS} attempts per request. Retried: HTTP 429 (Twilio's 20429 "too many
 * concurrent requests": never processed, always safe), any 5xx, and a connection that could not be
 * opened (the request never left). Between attempts we wait 250 ms before the 2nd and 500 ms before the
 * 3rd, each plus up to 50 % random jitter (so parallel legs that hit 429 together do not retry in
 * lockstep); a {@code Retry-After} header in seconds raises the wait, but never above 2 s, so one leg
 * costs at most about 2 x 2 s of waiting. Every other 4xx fails at once.
 * <p>A request that was sent but got no answer (read timeout, connection reset) is retried only by
 * {@link #hangup}, which is idempotent. {@link #originate} does not retry it: Twilio has no idempotency
 * key for call creation, so the call may exist and a retry could ring the phone twice. A 5xx on create
 * is retried anyway (Twilio only documents 429 as "never processed"; a 5xx most likely did not create the
 * call, but that is not guaranteed). Should a duplicate happen, it reports events under the same leg id
 * with a different CallSid: the agentcall logic hangs up any CallSid other than the one it holds for the
 * leg, and the answer route never joins it.
 *
 * <h2>Errors</h2>
 * Failures become {@link TwilioApiException} (HTTP status + Twilio's code and message) or
 * {@link TelephonyException}; messages never contain the auth token or the Authorization header.
 */
public final class TwilioClient implements TelephonyProvider {

    static final String NAME = "twilio";

    static final int MAX_ATTEMPTS = 3;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_WAIT = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** The events we subscribe to; Twilio wants one form field per event (a joined value silently fails). */
    static final List<String> STATUS_CALLBACK_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    /** Twilio's longest allowed ring time (Timeout parameter). */
    static final int MAX_RING_TIMEOUT_SECONDS = 600;

    private static final Set<String> FINAL_STATUSES = Set.of("completed", "busy", "no-answer", "canceled", "failed");
    /** Call SIDs are "CA" + 32 hex; we only insist on a safe path segment. */
    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9]{2,64}");
    private static final int MAX_MESSAGE_CHARS = 500;

    /** Waits between attempts; tests replace it so they neither sleep nor depend on time. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final TwilioSettings settings;
    private final TwilioCallbackUrls callbackUrls;
    private final TwilioWebhook webhook;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final ObjectMapper json = new ObjectMapper();
    private final String authorization;

    public TwilioClient(TwilioSettings settings) {
        this(settings, defaultHttpClient(), duration -> Thread.sleep(duration.toMillis()));
    }

    TwilioClient(TwilioSettings settings, HttpClient http, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.callbackUrls = new TwilioCallbackUrls(settings);
        this.webhook = new TwilioWebhook(settings);
        this.http = Objects.requireNonNull(http, "http");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WebhookReply onWebhook(WebhookRequest request, LegEventSink sink) {
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
            throw new TelephonyException("ring timeout must be 1 to " + MAX_RING_TIMEOUT_SECONDS
                    + " seconds for Twilio, got " + timeout);
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

        JsonNode call = post("create call", callsUrl() + ".json", form, false);
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
        String url = callsUrl() + "/" + providerCallId + ".json";
        try {
            JsonNode call = post("cancel call", url, Map.of("Status", List.of("canceled")), true);
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
            post("complete call", url, Map.of("Status", List.of("completed")), true);
        } catch (TwilioApiException e) {
            if (!isAlreadyOver(e)) {
                throw e;
            }
        }
    }

    private static boolean isAlreadyOver(TwilioApiException e) {
        Integer code = e.twilioCode();
        return e.httpStatus() == 404
                || (code != null && (code == TwilioApiException.NOT_FOUND || code == TwilioApiException.INVALID_CALL_STATE));
    }

    /** A number is rung as such, sip as a SIP URI; an extension only exists on a PBX Twilio cannot reach. */
    static String to(Destination address) {
        if (address == null || address.kind() == null || address.target() == null || address.target().isBlank()) {
            throw new TelephonyException("the address to ring has no type or target");
        }
        String target = address.target();
        return switch (address.kind()) {
            case PHONE_NUMBER -> target;
            case SIP -> target.regionMatches(true, 0, "sip:", 0, 4) ? target : "sip:" + target;
            case EXTENSION -> throw new TelephonyException(
                    "extension addresses cannot be rung over Twilio (extension " + target + ")");
        };
    }

    /** The ring request's source when it is a number Twilio can present, else our configured caller id. */
    String from(String source) {
        return source != null && E164.matches(source) ? source : settings.fromNumber();
    }

    private String callsUrl() {
        return settings.apiBaseUrl() + "/2010-04-01/Accounts/"
                + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8) + "/Calls";
    }

    /** POSTs the form with the retry policy of the class comment and returns the parsed 2xx body. */
    private JsonNode post(String operation, String url, Map<String, List<String>> form, boolean idempotent) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioForm.encode(form), StandardCharsets.UTF_8))
                .build();
        for (int attempt = 1; ; attempt++) {
            boolean lastAttempt = attempt >= MAX_ATTEMPTS;
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if (lastAttempt || !(neverSent || idempotent)) {
                    throw new TelephonyException("Twilio " + operation + " failed: "
                            + (neverSent ? "could not connect" : "no answer, outcome unknown") + " ("
                            + redact(String.valueOf(e.getMessage())) + ")", e);
                }
                pause(backoff(attempt, null), operation);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TelephonyException("Twilio " + operation + " interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(operation, response.body());
            }
            if ((status == 429 || status >= 500) && !lastAttempt) {
                pause(backoff(attempt, response.headers().firstValue("Retry-After").orElse(null)), operation);
                continue;
            }
            throw error(operation, status, response.body());
        }
    }

    /** 250 ms, then 500 ms, plus up to 50 % jitter; Retry-After (seconds) may raise it; never above 2 s. */
    static Duration backoff(int failedAttempt, String retryAfter) {
        long base = FIRST_BACKOFF.toMillis() << (failedAttempt - 1);
        long wait = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        if (retryAfter != null) {
            try {
                wait = Math.max(wait, Math.multiplyExact(Long.parseLong(retryAfter.trim()), 1000L));
            } catch (NumberFormatException | ArithmeticException ignored) {
                // An HTTP-date or garbage Retry-After: keep our own backoff.
            }
        }
        return Duration.ofMillis(Math.min(wait, MAX_WAIT.toMillis()));
    }

    private void pause(Duration duration, String operation) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelephonyException("Twilio " + operation + " interrupted while waiting to retry", e);
        }
    }

    private JsonNode parse(String operation, String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new TelephonyException("Twilio " + operation + ": answer is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new TelephonyException("Twilio " + operation + ": answer is not JSON", e);
        }
    }

    /** Twilio's error envelope: {"code": 21211, "message": "...", "more_info": "...", "status": 400}. */
    private TwilioApiException error(String operation, int status, String body) {
        Integer code = null;
        String message = null;
        String moreInfo = null;
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node != null && node.isObject()) {
                code = errorCode(node.get("code"));
                message = node.path("message").isTextual() ? node.path("message").asText() : null;
                moreInfo = node.path("more_info").isTextual() ? node.path("more_info").asText() : null;
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Twilio's envelope (e.g. a proxy's HTML page): report the status alone.
        }
        StringBuilder text = new StringBuilder("Twilio ").append(operation).append(" failed: HTTP ").append(status);
        if (code != null) {
            text.append(", Twilio error ").append(code);
        }
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message);
        }
        if (moreInfo != null && !moreInfo.isBlank()) {
            text.append(" (").append(moreInfo).append(')');
        }
        return new TwilioApiException(redact(text.toString()), status, code);
    }

    /** The numeric code, also when a proxy sends it as a string; null when absent or not a number. */
    private static Integer errorCode(JsonNode code) {
        if (code == null) {
            return null;
        }
        if (code.isIntegralNumber() && code.canConvertToInt()) {
            return code.intValue();
        }
        if (code.isTextual() && code.asText().matches("[0-9]{1,9}")) {
            return Integer.valueOf(code.asText());
        }
        return null;
    }

    /**
     * Belt and braces: Twilio does not echo credentials, but nothing it (or a proxy) says may carry our
     * token or Authorization value into a stored message.
     */
    private String redact(String text) {
        String out = text.replace(authorization, "Basic ***").replace(settings.authToken(), "***");
        return out.length() > MAX_MESSAGE_CHARS ? out.substring(0, MAX_MESSAGE_CHARS) + "..." : out;
    }

    @Override
    public String toString() {
        return "TwilioClient[" + settings + "]";
    }
}
