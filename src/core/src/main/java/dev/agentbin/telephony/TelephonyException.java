package dev.agentbin.telephony;

/** The provider refused or could not be reached; the message is safe to store (no credentials). */
public class TelephonyException extends RuntimeException {

    public TelephonyException(String message) {
        super(message);
    }

    public TelephonyException(String message, Throwable cause) {
        super(message, cause);
    }
}
