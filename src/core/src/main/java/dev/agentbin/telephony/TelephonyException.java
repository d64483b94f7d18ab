package dev.agentbin.telephony;

import java.io.IOException;

/** The provider refused or could not be reached; the message is safe to store (no credentials). */
public class TelephonyException extends RuntimeException {

    public TelephonyException(String message) {
        super(message);
    }

    public TelephonyException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What kind of failure this was, in a few fixed words: the failed-leg metric's dimension (docs/operations.md,
     * "Metrics"). Providers that know more (an HTTP status) say more.
     */
    public String errorClass() {
        return getCause() instanceof IOException ? "unreachable" : "refused";
    }
}
