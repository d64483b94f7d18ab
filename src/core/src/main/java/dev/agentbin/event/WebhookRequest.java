package dev.agentbin.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** PUT /v1.0/customers/{id}/webhook: the reference's field names; the method defaults to POST. */
public record WebhookRequest(
        @NotBlank(message = "webhook_uri is required")
        @Size(max = WebhookTargets.MAX_LENGTH, message = "webhook_uri is at most 2048 characters")
        String webhookUri,
        @Pattern(regexp = "(?i)POST|PUT", message = "webhook_method must be POST or PUT")
        String webhookMethod) {
}
