package dev.agentbin.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for Amazon SES (which cannot be reached from here), following its documented v2 API:
 * {@code POST /v2/email/outbound-emails} with a JSON {@code SendEmail} request answers 200
 * {@code {"MessageId": "..."}}; a request without a sender, a recipient or simple content answers 400
 * {@code BadRequestException}, as SES does. It starts before the app, on a free port, and points the SES
 * mailer at itself ({@code agentbin.mail.ses-endpoint}).
 */
@WithTestResource(value = FakeSes.Lifecycle.class, scope = TestResourceScope.GLOBAL)
final class FakeSes {

    /** Starts the stand-in before the app under test, so the mailer is built with its address. */
    public static class Lifecycle implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                return Map.of(
                        "agentbin.mail.ses-endpoint",
                        "http://127.0.0.1:"
                                + FakeSes.start().server.getAddress().getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {}
    }

    /** One accepted message, as SES received it. */
    record Sent(String from, List<String> to, String subject, String text) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeSes running;

    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    private FakeSes() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/email/outbound-emails", this::sendEmail);
        server.start();
    }

    static synchronized FakeSes start() throws IOException {
        if (running == null) {
            running = new FakeSes();
        }
        return running;
    }

    List<Sent> sentTo(String address) {
        return sent.stream().filter(mail -> mail.to().contains(address)).toList();
    }

    private void sendEmail(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            JsonNode simple = request.path("Content").path("Simple");
            List<String> to = JSON.convertValue(
                    request.path("Destination").path("ToAddresses"),
                    JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            if (!"POST".equals(exchange.getRequestMethod())
                    || !request.hasNonNull("FromEmailAddress")
                    || to == null
                    || to.isEmpty()
                    || !simple.path("Body").path("Text").hasNonNull("Data")) {
                answer(exchange, 400, "{\"message\":\"Missing required parameter\"}", "BadRequestException");
                return;
            }
            sent.add(new Sent(
                    request.get("FromEmailAddress").asText(),
                    to,
                    simple.path("Subject").path("Data").asText(),
                    simple.path("Body").path("Text").path("Data").asText()));
            answer(exchange, 200, "{\"MessageId\":\"" + UUID.randomUUID() + "\"}", null);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body, String errorType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
