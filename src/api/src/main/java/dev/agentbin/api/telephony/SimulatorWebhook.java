package dev.agentbin.api.telephony;

import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.TelephonyProviders;
import dev.agentbin.telephony.TelephonySettings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.common.ApiException;
import dev.agentbin.telephony.simulator.SimulatorEvent;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.telephony.simulator.SimulatorSignature;
import dev.agentbin.common.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Verifies and reads the simulator's signed webhook bodies, with the API's strict JSON reading. Where
 * the simulator is not enabled (see {@link TelephonyProviders}) its webhook does not exist.
 */
@ApplicationScoped
public class SimulatorWebhook {

    private final String secret;
    private final boolean enabled;
    private final ObjectMapper json;

    public SimulatorWebhook(TelephonySettings settings, TelephonyProviders providers, StrictJson json) {
        this.secret = settings.simulator().secret();
        this.enabled = providers.get(SimulatorProvider.NAME).isPresent();
        this.json = json.mapper();
    }

    public LegEvent verify(byte[] body, String signature) {
        if (!enabled) {
            throw WebhookErrors.unknownProvider(SimulatorProvider.NAME);
        }
        if (!SimulatorSignature.verify(secret, body, signature)) {
            throw WebhookErrors.badSignature();
        }
        SimulatorEvent event;
        try {
            event = json.readValue(body, SimulatorEvent.class);
        } catch (IOException e) {
            throw ApiException.invalidArgument("The simulator event is not valid JSON: a JSON object with leg_id and kind.");
        }
        if (event == null) {
            throw ApiException.invalidArgument("The simulator event must be a JSON object with leg_id and kind.");
        }
        return ProviderEvents.checked(event.toLegEvent());
    }
}
