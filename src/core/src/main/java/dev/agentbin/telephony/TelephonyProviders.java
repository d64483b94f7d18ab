package dev.agentbin.telephony;

import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.telephony.twilio.TwilioClient;
import dev.agentbin.telephony.twilio.TwilioSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The configured providers by name; legs remember which one rang them. */
@ApplicationScoped
public class TelephonyProviders {

    private final Map<String, TelephonyProvider> byName = new HashMap<>();
    private final String defaultName;
    private final Optional<TwilioSettings> twilio;

    public TelephonyProviders(TelephonySettings settings, SimulatorProvider simulator) {
        byName.put(simulator.name(), simulator);
        this.twilio = settings.twilio().accountSid().map(sid -> new TwilioSettings(sid,
                settings.twilio().authToken().orElse(null), settings.twilio().apiBaseUrl().orElse(null),
                settings.twilio().callbackBaseUrl().orElse(null), settings.twilio().fromNumber().orElse(null)));
        twilio.map(TwilioClient::new).ifPresent(client -> byName.put(client.name(), client));
        this.defaultName = settings.provider();
        if (!byName.containsKey(defaultName)) {
            throw new IllegalStateException("agentbin.telephony.provider=" + defaultName + " is not configured");
        }
    }

    public Optional<TelephonyProvider> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public String defaultName() {
        return defaultName;
    }

    /** Twilio's settings, for verifying its webhook signatures; empty when Twilio is not configured. */
    public Optional<TwilioSettings> twilioSettings() {
        return twilio;
    }
}
