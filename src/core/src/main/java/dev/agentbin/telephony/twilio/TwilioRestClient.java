package dev.agentbin.telephony.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.telephony.TelephonyException;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The transport to Twilio's REST API: requests under the account, authentication, retries and rate limits,
 * and Twilio's error envelope. What the requests mean for a call is {@link TwilioProvider}'s business.
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
 * <p>A request that was sent but got no answer (read timeout, connection reset) is retried only when the
 * caller says the request is idempotent: whether it took effect is unknown.
 *
 * <h2>Errors</h2>
 * Failures become {@link TwilioApiException} (HTTP status + Twilio's code and message) or
 * {@link TelephonyException}; messages never contain the auth token or the Authorization header.
 */
final class TwilioRestClient {

    static final int MAX_ATTEMPTS = 3;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_WAIT = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final int MAX_MESSAGE_CHARS = 500;

    /** Waits between attempts; tests replace it so they neither sleep nor depend on time. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final TwilioSettings settings;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final ObjectMapper json = new ObjectMapper();
    private final String authorization;

    TwilioRestClient(TwilioSettings settings, HttpClient http, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * POSTs the form to a resource of the account with the retry policy of the class comment and returns
     * the parsed 2xx body.
     *
     * @param operation  what the request does, for error messages ("create call")
     * @param path       below the account, with the {@code .json} suffix ("/Calls.json")
     * @param idempotent whether a request that was sent but got no answer may be sent again
     */
    JsonNode post(String operation, String path, Map<String, List<String>> form, boolean idempotent) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(accountUrl() + path))
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
                    throw new TelephonyException(
                            "Twilio " + operation + " failed: "
                                    + (neverSent ? "could not connect" : "no answer, outcome unknown") + " ("
                                    + redact(String.valueOf(e.getMessage())) + ")",
                            e);
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
                pause(
                        backoff(
                                attempt,
                                response.headers().firstValue("Retry-After").orElse(null)),
                        operation);
                continue;
            }
            throw error(operation, status, response.body());
        }
    }

    private String accountUrl() {
        return settings.apiBaseUrl() + "/2010-04-01/Accounts/"
                + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8);
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
                message =
                        node.path("message").isTextual() ? node.path("message").asText() : null;
                moreInfo = node.path("more_info").isTextual()
                        ? node.path("more_info").asText()
                        : null;
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Twilio's envelope (e.g. a proxy's HTML page): report the status alone.
        }
        StringBuilder text = new StringBuilder("Twilio ")
                .append(operation)
                .append(" failed: HTTP ")
                .append(status);
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
}
