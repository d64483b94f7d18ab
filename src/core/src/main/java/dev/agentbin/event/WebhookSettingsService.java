package dev.agentbin.event;

import dev.agentbin.access.AccessPolicy;
import dev.agentbin.access.Caller;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.DbTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** A customer's webhook: set, read, rotate its secret, remove; and what a delivery needs of it. */
@ApplicationScoped
public class WebhookSettingsService {

    /** What a delivery needs: where, how, and every secret that signs right now. */
    public record Target(String uri, String method, List<String> secrets) {}

    private final EntityManager em;
    private final AccessPolicy policy;
    private final WebhookTargets targets;
    private final Duration previousSecretGrace;
    private final Clock clock;

    public WebhookSettingsService(
            EntityManager em, AccessPolicy policy, WebhookTargets targets, EventSettings settings, Clock clock) {
        this.em = em;
        this.policy = policy;
        this.targets = targets;
        this.previousSecretGrace = settings.webhook().previousSecretGrace();
        this.clock = clock;
    }

    @Transactional
    public WebhookView get(Caller caller, UUID customerId) {
        policy.checkAdministers(caller, customerId, notFound(customerId));
        return WebhookView.of(find(customerId).orElseThrow(notFound(customerId)), null);
    }

    /** Creates or replaces the webhook; a new webhook's secret is in this answer and never again. */
    @Transactional
    public WebhookView put(Caller caller, UUID customerId, WebhookSettingsRequest request) {
        policy.checkAdministers(
                caller,
                customerId,
                () -> ApiException.notFound("CUSTOMER_NOT_FOUND", "The customer " + customerId + " does not exist."));
        String uri = targets.check(request.webhookUri()).toString();
        String method = request.webhookMethod() == null
                ? "POST"
                : request.webhookMethod().toUpperCase(Locale.ROOT);
        lockCustomer(customerId);
        Instant now = DbTime.now(clock);
        Optional<WebhookSettingsEntity> existing = find(customerId);
        if (existing.isPresent()) {
            WebhookSettingsEntity webhook = existing.get();
            webhook.webhookUri = uri;
            webhook.webhookMethod = method;
            webhook.tmUpdate = now;
            return WebhookView.of(webhook, null);
        }
        WebhookSettingsEntity webhook = new WebhookSettingsEntity();
        webhook.customerId = customerId;
        webhook.webhookUri = uri;
        webhook.webhookMethod = method;
        webhook.signingSecret = WebhookSignature.newSecret();
        webhook.tmCreate = now;
        em.persist(webhook);
        return WebhookView.of(webhook, webhook.signingSecret);
    }

    /** A new secret, shown in this answer only; the previous one keeps signing for the grace period. */
    @Transactional
    public WebhookView rotateSecret(Caller caller, UUID customerId) {
        policy.checkAdministers(caller, customerId, notFound(customerId));
        lockCustomer(customerId);
        WebhookSettingsEntity webhook = find(customerId).orElseThrow(notFound(customerId));
        Instant now = DbTime.now(clock);
        webhook.previousSecret = webhook.signingSecret;
        webhook.previousSecretUntil = now.plus(previousSecretGrace);
        webhook.signingSecret = WebhookSignature.newSecret();
        webhook.tmUpdate = now;
        return WebhookView.of(webhook, webhook.signingSecret);
    }

    /** Removes the webhook: events from now on are not queued for it, queued ones are dropped at delivery. */
    @Transactional
    public WebhookView delete(Caller caller, UUID customerId) {
        policy.checkAdministers(caller, customerId, notFound(customerId));
        lockCustomer(customerId);
        WebhookSettingsEntity webhook = find(customerId).orElseThrow(notFound(customerId));
        em.remove(webhook);
        return WebhookView.of(webhook, null);
    }

    @Transactional
    public Optional<Target> target(UUID customerId) {
        return find(customerId).map(webhook -> {
            List<String> secrets = new ArrayList<>(List.of(webhook.signingSecret));
            if (webhook.previousSecret != null && webhook.previousSecretUntil.isAfter(clock.instant())) {
                secrets.add(webhook.previousSecret);
            }
            return new Target(webhook.webhookUri, webhook.webhookMethod, List.copyOf(secrets));
        });
    }

    private Optional<WebhookSettingsEntity> find(UUID customerId) {
        return Optional.ofNullable(em.find(WebhookSettingsEntity.class, customerId));
    }

    /** Serializes writers of one customer's webhook, including two first PUTs (no row to lock yet). */
    private void lockCustomer(UUID customerId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(:customer as text), 0))")
                .setParameter("customer", customerId.toString())
                .getSingleResult();
    }

    private static Supplier<ApiException> notFound(UUID customerId) {
        return () -> ApiException.notFound("WEBHOOK_NOT_FOUND", "The customer " + customerId + " has no webhook.");
    }
}
