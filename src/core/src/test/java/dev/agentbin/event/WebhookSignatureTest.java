package dev.agentbin.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification (and of Svix, which wrote it). */
    @Test
    void signsTheSpecificationsExample() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void duringARotationBothSecretsSignSpaceSeparated() {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(current, previous), "evt", 1, "{}");
        assertEquals(
                List.of(
                        WebhookSignature.sign(current, "evt", 1, "{}"),
                        WebhookSignature.sign(previous, "evt", 1, "{}")),
                List.of(header.split(" ")));
    }

    @Test
    void newSecretsAreRandom32ByteKeysWithThePrefix() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSignature.newSecret());
    }

    @Test
    void theTimestampAndIdAreSigned() {
        String secret = WebhookSignature.newSecret();
        assertNotEquals(WebhookSignature.sign(secret, "evt", 1, "{}"), WebhookSignature.sign(secret, "evt", 2, "{}"));
        assertNotEquals(WebhookSignature.sign(secret, "evt", 1, "{}"), WebhookSignature.sign(secret, "other", 1, "{}"));
    }
}
