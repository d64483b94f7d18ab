package dev.agentbin.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * PUT /v1.0/customers/{id}/webhook: the reference's field names; the method defaults to POST. A customer's
 * settings for the webhooks we send; a provider's callbacks to us are telephony's business. The API
 * description keeps the schema name clients were generated with.
 */
@Schema(name = "WebhookRequest")
public record WebhookSettingsRequest(
        @NotBlank(message = "webhook_uri is required")
        @Size(max = WebhookTargets.MAX_LENGTH, message = "webhook_uri is at most 2048 characters")
        String webhookUri,

        @Pattern(regexp = "(?i)POST|PUT", message = "webhook_method must be POST or PUT")
        String webhookMethod) {}
