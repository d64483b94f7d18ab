package dev.agentbin.local.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real HTTP to the app under test (its test port), safe to use from many threads at once: each request
 * carries a probe id that {@link ServerTimeline} uses to record when the server handled it.
 */
public final class Http {

    public static final String PROBE = "X-Test-Probe";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response; {@code probe} names the request in the {@link ServerTimeline}. */
    public record Response(int status, JsonNode body, String probe) {
        public String text(String field) {
            return body == null ? null : body.path(field).asText(null);
        }

        public String reason() {
            return body == null ? null : body.path("error").path("reason").asText(null);
        }
    }

    private Http() {}

    public static URI base() {
        return URI.create(
                "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
    }

    public static Response get(String token, String path) {
        return send(token, "GET", path, null, Map.of());
    }

    public static Response post(String token, String path, Object body) {
        return send(token, "POST", path, body, Map.of());
    }

    public static Response put(String token, String path, Object body) {
        return send(token, "PUT", path, body, Map.of());
    }

    public static Response delete(String token, String path) {
        return send(token, "DELETE", path, null, Map.of());
    }

    /** A raw JSON body with the given headers and no token (webhooks). */
    public static Response postRaw(String path, byte[] body, Map<String, String> headers) {
        return exchange("POST", path, body, headers);
    }

    public static Response send(String token, String method, String path, Object body, Map<String, String> headers) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(headers);
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        try {
            return exchange(method, path, body == null ? null : JSON.writeValueAsBytes(body), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response exchange(String method, String path, byte[] body, Map<String, String> headers) {
        String probe = java.util.UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header(PROBE, probe)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            return new Response(response.statusCode(), bytes.length == 0 ? null : JSON.readTree(bytes), probe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
