package dev.agentbin.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * Sends one event to its customer's webhook, signed (Standard Webhooks headers), with the webhook's
 * current URI, method and secrets. The host is resolved and checked once per attempt and the request
 * goes to the address that was checked ({@link WebhookTargets#destination}). Only a 2xx answer counts
 * as delivered; redirects are not followed (they could lead anywhere, the service's own network included).
 */
@ApplicationScoped
public class WebhookDelivery {

    /** How one attempt ended. */
    public enum Result {
        DELIVERED,
        /** The customer has no webhook (any more): nothing to do, ever. */
        NO_WEBHOOK,
        /** Worth trying again later: the receiver was down, slow, answered non-2xx, or its address is refused now. */
        FAILED
    }

    public record Outcome(Result result, String detail) {}

    private final WebhookSettingsService webhooks;
    private final WebhookTargets targets;
    private final PinnedHttp http;
    /** A batch's attempts run side by side; each blocks on its own socket. */
    private final ExecutorService attempts = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "webhook-delivery");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookDelivery(WebhookSettingsService webhooks, WebhookTargets targets, EventSettings settings) {
        this.webhooks = webhooks;
        this.targets = targets;
        try {
            this.http =
                    new PinnedHttp(SSLContext.getDefault(), settings.webhook().timeout());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no default TLS context", e);
        }
    }

    /** Starts the attempt; the future never fails, a failure is an {@link Outcome} too. */
    public CompletableFuture<Outcome> deliver(UUID eventId, UUID customerId, String body) {
        Optional<WebhookSettingsService.Target> target = webhooks.target(customerId);
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(Result.NO_WEBHOOK, "the customer has no webhook"));
        }
        return CompletableFuture.supplyAsync(() -> attempt(eventId, target.get(), body), attempts);
    }

    private Outcome attempt(UUID eventId, WebhookSettingsService.Target target, String body) {
        WebhookTargets.Destination destination;
        try {
            destination = targets.destination(URI.create(target.uri()));
        } catch (WebhookTargets.Refused e) {
            return new Outcome(Result.FAILED, "webhook refused: " + e.detail());
        }
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "agentbin-webhooks");
        headers.put(WebhookSignature.ID_HEADER, eventId.toString());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.header(target.secrets(), eventId.toString(), timestamp, body));
        try {
            int status = http.send(destination, target.method(), headers, body.getBytes(StandardCharsets.UTF_8));
            return new Outcome(status / 100 == 2 ? Result.DELIVERED : Result.FAILED, "HTTP " + status);
        } catch (IOException | RuntimeException e) {
            return new Outcome(Result.FAILED, e.toString());
        }
    }
}
