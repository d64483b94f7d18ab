package dev.agentbin.telephony;

import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.telephony.twilio.TwilioClient;
import dev.agentbin.telephony.twilio.TwilioSettings;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured providers by name; legs remember which one rang them. The simulator is there in dev and
 * test; anywhere else only when chosen as the provider, and then only with a secret of the deployment's
 * own, since anyone knowing its webhook key could forge call events.
 */
@ApplicationScoped
public class TelephonyProviders {

    private final Map<String, TelephonyProvider> byName = new HashMap<>();
    private final String defaultName;
    private final Optional<TwilioSettings> twilio;

    @Inject
    public TelephonyProviders(TelephonySettings settings, SimulatorProvider simulator) {
        this(settings, simulator, LaunchMode.current().isDevOrTest());
    }

    TelephonyProviders(TelephonySettings settings, SimulatorProvider simulator, boolean devOrTest) {
        if (devOrTest || SimulatorProvider.NAME.equals(settings.provider())) {
            if (!devOrTest && TelephonySettings.Simulator.LOCAL_SECRET.equals(settings.simulator().secret())) {
                throw new IllegalStateException("the simulator provider outside dev and test needs its own webhook key:"
                        + " set agentbin.telephony.simulator.secret (simulator_secret in the telephony secret)");
            }
            byName.put(simulator.name(), simulator);
        }
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
