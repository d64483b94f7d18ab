package dev.agentbin.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.agentbin.event.WebhookSignature;
import dev.agentbin.local.support.Http;
import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import dev.agentbin.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The local run delivers events as the deployment does: a status change is written to the outbox,
 * relayed to the local event queue, and webhook-delivery POSTs it, signed, to the customer's webhook.
 */
@QuarkusTest
class LocalWebhookTest {

    record Received(String id, String timestamp, String signature, String body) {}

    @Inject
    Tenants tenants;

    @Test
    void aStatusChangeReachesTheCustomersWebhookSigned() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Tenant tenant = tenants.create();
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Http.Response settings = Http.put(
                    tenant.token(),
                    "/v1.0/customers/" + tenant.customerId() + "/webhook",
                    Map.of("webhook_uri", hook, "webhook_method", "POST"));
            Assertions.assertEquals(200, settings.status(), settings.toString());
            String secret = settings.text("signing_secret");

            String agent = tenant.ringableAgent("sim:no-answer");
            Assertions.assertEquals(200, tenant.setStatus(agent, "away").status());

            ObjectMapper json = new ObjectMapper();
            Received update = Await.until(
                            "agent_status_updated at the webhook",
                            () -> received.stream()
                                    .filter(r -> r.body().contains("\"agent_status_updated\"")
                                            && r.body().contains(agent)
                                            && r.body().contains("\"away\""))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            JsonNode event = json.readTree(update.body());
            Assertions.assertEquals("away", event.path("data").path("status").asText());
            Assertions.assertEquals(update.id(), event.path("id").asText());
            Assertions.assertEquals(
                    WebhookSignature.sign(secret, update.id(), Long.parseLong(update.timestamp()), update.body()),
                    update.signature());
        } finally {
            receiver.stop(0);
        }
    }
}
