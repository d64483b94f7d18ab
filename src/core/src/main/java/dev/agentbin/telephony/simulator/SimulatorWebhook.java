package dev.agentbin.telephony.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.common.ApiException;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.LegEventSink;
import dev.agentbin.telephony.ProviderCallback;
import dev.agentbin.telephony.ProviderEvents;
import dev.agentbin.telephony.WebhookErrors;
import dev.agentbin.telephony.WebhookReply;
import java.io.IOException;

/**
 * Verifies and reads the simulator's signed webhook bodies (events only), with the API's strict JSON
 * reading: the signature over the raw body is checked before the body is parsed.
 */
final class SimulatorWebhook {

    private final String secret;
    private final ObjectMapper json;

    SimulatorWebhook(String secret, ObjectMapper json) {
        this.secret = secret;
        this.json = json;
    }

    WebhookReply handle(ProviderCallback request, LegEventSink sink) {
        if (request.hook() != ProviderCallback.Hook.EVENTS) {
            throw WebhookErrors.unknownProvider(SimulatorProvider.NAME);
        }
        sink.onLegEvent(
                SimulatorProvider.NAME,
                verified(request.body(), request.header().apply(SimulatorSignature.HEADER)));
        return WebhookReply.NONE;
    }

    private LegEvent verified(byte[] body, String signature) {
        if (!SimulatorSignature.verify(secret, body, signature)) {
            throw WebhookErrors.badSignature();
        }
        SimulatorEvent event;
        try {
            event = json.readValue(body, SimulatorEvent.class);
        } catch (IOException e) {
            throw ApiException.invalidArgument(
                    "The simulator event is not valid JSON: a JSON object with leg_id and kind.");
        }
        if (event == null) {
            throw ApiException.invalidArgument("The simulator event must be a JSON object with leg_id and kind.");
        }
        return ProviderEvents.checked(event.toLegEvent());
    }
}
