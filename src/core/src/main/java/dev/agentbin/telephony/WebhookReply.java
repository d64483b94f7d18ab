package dev.agentbin.telephony;

/**
 * What a provider's webhook answers: nothing (204), or a document for the provider (200), such as
 * Twilio's TwiML.
 */
public record WebhookReply(String contentType, String body) {

    public static final WebhookReply NONE = new WebhookReply(null, null);

    public boolean isEmpty() {
        return body == null;
    }
}
