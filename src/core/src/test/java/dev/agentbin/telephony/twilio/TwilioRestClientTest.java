package dev.agentbin.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The wait between attempts; the retries themselves show through the provider (TwilioProviderTest). */
class TwilioRestClientTest {

    @Test
    void backoff_growsWithJitterAndIsCapped() {
        for (int i = 0; i < 50; i++) {
            long first = TwilioRestClient.backoff(1, null).toMillis();
            long second = TwilioRestClient.backoff(2, null).toMillis();
            assertTrue(first >= 250 && first <= 375, "first " + first);
            assertTrue(second >= 500 && second <= 750, "second " + second);
        }
        assertEquals(TwilioRestClient.MAX_WAIT, TwilioRestClient.backoff(1, "3600"));
        long garbage =
                TwilioRestClient.backoff(1, "Wed, 21 Oct 2015 07:28:00 GMT").toMillis();
        assertTrue(garbage >= 250 && garbage <= 375);
    }
}
