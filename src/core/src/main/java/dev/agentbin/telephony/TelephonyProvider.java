package dev.agentbin.telephony;

/**
 * The port every telephony provider implements, each in its own folder (simulator, twilio, ...): it rings
 * and hangs up legs, and it verifies and reads what the provider sends back. What a leg's events mean for
 * the agentcall is decided by the agentcall service.
 */
public interface TelephonyProvider {

    /** The provider's name: agentbin.telephony.provider's value, and its webhook path /v1.0/telephony/{name}/... */
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

    /**
     * One request to this provider's webhook routes. The provider verifies that it sent the request
     * before reading anything from it ({@link WebhookErrors#badSignature()}), checks what it read like client
     * input ({@link ProviderEvents}), hands the events to the sink, and answers as the provider expects. A
     * hook the provider does not use is {@link WebhookErrors#unknownProvider}.
     */
    WebhookReply onWebhook(ProviderCallback request, LegEventSink sink);
}
