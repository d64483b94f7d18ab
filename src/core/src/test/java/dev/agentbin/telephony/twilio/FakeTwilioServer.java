package dev.agentbin.telephony.twilio;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for Twilio's REST API: records each request and answers from a script, the way the
 * notes describe Twilio (201 + Call JSON on create, 200 + Call JSON on update, the error envelope
 * {code, message, more_info, status} otherwise). An empty script answers 500 so a test never hangs.
 */
final class FakeTwilioServer implements AutoCloseable {

    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** Decoded independently of the production TwilioForm so a bug there cannot hide here. */
        Map<String, List<String>> form() {
            Map<String, List<String>> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.computeIfAbsent(
                                URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                k -> new ArrayList<>())
                        .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return form;
        }
    }

    record Scripted(int status, String body, Map<String, String> headers) {}

    private final HttpServer server;
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Scripted> script = new ArrayDeque<>();

    FakeTwilioServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            requests.add(new Recorded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(requestBody, StandardCharsets.UTF_8)));
            Scripted answer;
            synchronized (script) {
                answer = script.isEmpty() ? error(500, 20500, "Internal Server Error (unscripted)") : script.poll();
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeTwilioServer then(int status, String body) {
        return then(status, body, Map.of());
    }

    FakeTwilioServer then(int status, String body, Map<String, String> headers) {
        synchronized (script) {
            script.add(new Scripted(status, body, headers));
        }
        return this;
    }

    FakeTwilioServer thenError(int status, int code, String message) {
        Scripted e = error(status, code, message);
        return then(e.status(), e.body(), e.headers());
    }

    List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Twilio's Call resource as returned by create (201) and update (200), trimmed to what matters. */
    static String call(String accountSid, String sid, String status) {
        return "{\"sid\": \"" + sid + "\", \"account_sid\": \"" + accountSid + "\", \"status\": \"" + status + "\","
                + " \"direction\": \"outbound-api\", \"to\": \"+14155550123\", \"from\": \"+14155550100\","
                + " \"parent_call_sid\": null, \"date_created\": \"Tue, 31 Aug 2010 20:36:28 +0000\","
                + " \"duration\": null, \"queue_time\": \"0\", \"api_version\": \"2010-04-01\","
                + " \"uri\": \"/2010-04-01/Accounts/" + accountSid + "/Calls/" + sid + ".json\"}";
    }

    private static Scripted error(int status, int code, String message) {
        return new Scripted(
                status,
                "{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\":"
                        + " \"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}",
                Map.of());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
