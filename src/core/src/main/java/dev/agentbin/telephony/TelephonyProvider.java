package dev.agentbin.telephony;

/**
 * The port every telephony provider adapter implements (simulator, Twilio, ...). Adapters only talk to
 * the provider; what a leg's events mean for the agentcall is decided by the agentcall service.
 */
public interface TelephonyProvider {

    /** The provider's name as it appears in webhook paths: /v1.0/telephony/{name}/events. */
    String name();

    /**
     * Starts ringing one leg. {@link Origination#legId()} is chosen by us and travels with the call
     * (callback URLs), so a retried origination can be recognised. Throws {@link TelephonyException}
     * when the provider refuses the call.
     *
     * @return the provider's id for the call (Twilio's CallSid)
     */
    String originate(Origination origination);

    /**
     * Ends a leg: cancels it while it rings, hangs it up once answered. Ending a leg that already
     * ended is not an error.
     */
    void hangup(String providerCallId);
}
