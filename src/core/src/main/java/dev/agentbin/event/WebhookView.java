package dev.agentbin.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's webhook as the API shows it. The signing secret appears only in the answer that created
 * it (the first PUT, a rotation): it is never shown again.
 */
public record WebhookView(
        UUID customerId,
        String webhookUri,
        String webhookMethod,
        @JsonInclude(JsonInclude.Include.NON_NULL) String signingSecret,
        Instant tmCreate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant tmUpdate) {

    static WebhookView of(WebhookSettingsEntity entity, String newSecret) {
        return new WebhookView(
                entity.customerId,
                entity.webhookUri,
                entity.webhookMethod,
                newSecret,
                entity.tmCreate,
                entity.tmUpdate);
    }
}
