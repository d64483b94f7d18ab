package dev.agentbin.telephony.simulator;

import dev.agentbin.telephony.LegEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** The simulator's webhook body (snake_case JSON), signed with {@link SimulatorSignature}. */
@RegisterForReflection
public record SimulatorEvent(UUID legId, String callId, LegEvent.Kind kind, String detail, Instant occurredAt) {

    public static SimulatorEvent of(LegEvent event) {
        return new SimulatorEvent(
                event.legId(), event.providerCallId(), event.kind(), event.detail(), event.occurredAt());
    }

    public LegEvent toLegEvent() {
        return new LegEvent(legId, callId, kind, detail, occurredAt);
    }
}
