package dev.agentbin.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one event to its customer's webhook, signed (Standard Webhooks headers), with the webhook's
 * current URI, method and secrets. Only a 2xx answer counts as delivered; redirects are not followed
 * (they could lead anywhere, the service's own network included).
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

    public record Outcome(Result result, String detail) {
    }

    private final WebhookSettingsService webhooks;
    private final WebhookTargets targets;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookDelivery(WebhookSettingsService webhooks, WebhookTargets targets, EventSettings settings) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.timeout = settings.webhook().timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Starts the attempt; the future never fails, a failure is an {@link Outcome} too. */
    public CompletableFuture<Outcome> deliver(UUID eventId, UUID customerId, String body) {
        Optional<WebhookSettingsService.Target> target = webhooks.target(customerId);
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(Result.NO_WEBHOOK, "the customer has no webhook"));
        }
        URI uri = URI.create(target.get().uri());
        Optional<String> refused = targets.refusal(uri);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(Result.FAILED, refused.get()));
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "agentbin-webhooks")
                .header("webhook-id", eventId.toString())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(target.get().secrets(), eventId.toString(), timestamp, body))
                .method(target.get().method(), HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() / 100 == 2
                        ? new Outcome(Result.DELIVERED, "HTTP " + response.statusCode())
                        : new Outcome(Result.FAILED, "HTTP " + response.statusCode()))
                .exceptionally(e -> new Outcome(Result.FAILED, String.valueOf(e.getCause() == null ? e : e.getCause())));
    }
}
