package dev.agentbin.telephony;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.agentbin.common.ApiException;
import dev.agentbin.telephony.simulator.SimulatorEvent;
import dev.agentbin.telephony.simulator.SimulatorSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/** Verifies and reads the simulator's signed webhook bodies. */
@ApplicationScoped
public class SimulatorWebhook {

    private final String secret;
    private final ObjectMapper json;

    public SimulatorWebhook(TelephonySettings settings, ObjectMapper json) {
        this.secret = settings.simulator().secret();
        this.json = json.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    public LegEvent verify(byte[] body, String signature) {
        if (!SimulatorSignature.verify(secret, body, signature)) {
            throw WebhookErrors.badSignature();
        }
        try {
            SimulatorEvent event = json.readValue(body, SimulatorEvent.class);
            if (event.legId() == null || event.kind() == null) {
                throw ApiException.invalidArgument("leg_id and kind are required");
            }
            return event.toLegEvent();
        } catch (IOException e) {
            throw ApiException.invalidArgument("The simulator event is not valid JSON.");
        }
    }
}
