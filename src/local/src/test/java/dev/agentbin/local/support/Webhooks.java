package dev.agentbin.local.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.telephony.simulator.SimulatorSignature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The simulator's signed webhook, sent by a test as the provider would: one leg, one event. */
public final class Webhooks {

    public static final String PATH = "/v1.0/telephony/simulator/events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {}

    /** One leg of an agentcall as the API shows it. */
    public record Leg(String id, String providerCallId) {}

    public static List<Leg> legs(JsonNode agentCall) {
        List<Leg> legs = new ArrayList<>();
        agentCall
                .path("legs")
                .forEach(leg -> legs.add(new Leg(
                        leg.path("id").asText(), leg.path("provider_call_id").asText(null))));
        return legs;
    }

    public static boolean allOriginated(JsonNode agentCall, int legs) {
        List<Leg> all = legs(agentCall);
        return all.size() == legs && all.stream().allMatch(leg -> leg.providerCallId() != null);
    }

    public static Http.Response answered(String secret, Leg leg) {
        return send(secret, leg, "ANSWERED", "in-progress");
    }

    public static Http.Response send(String secret, Leg leg, String kind, String detail) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of(
                    "leg_id",
                    leg.id(),
                    "call_id",
                    leg.providerCallId(),
                    "kind",
                    kind,
                    "detail",
                    detail,
                    "occurred_at",
                    Instant.now().toString()));
            return Http.postRaw(PATH, body, Map.of(SimulatorSignature.HEADER, SimulatorSignature.sign(secret, body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
