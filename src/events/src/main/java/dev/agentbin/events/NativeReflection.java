package dev.agentbin.events;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.agentbin.agent.Address;
import dev.agentbin.agent.Agent;
import dev.agentbin.agent.StatusCause;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallLeg;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.agentcall.SweepResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native image: the types Jackson binds by reflection in this app. The Lambda extension registers the
 * handlers' input and output types itself; listing them (and their nested types) again is harmless and
 * keeps RingRequest, which only RingRequestReader binds, from being missed.
 */
@RegisterForReflection(
        targets = {
            RingRequest.class,
            SweepResult.class,
            EventsRelayHandler.Run.class,
            // Event bodies are rendered here too (the sweeper and dispatch write events): their data's types.
            Agent.class,
            Address.class,
            StatusCause.class,
            AgentCall.class,
            AgentCallLeg.class,
            SQSEvent.class,
            SQSEvent.SQSMessage.class,
            SQSEvent.MessageAttribute.class,
            SQSBatchResponse.class,
            SQSBatchResponse.BatchItemFailure.class
        })
final class NativeReflection {

    private NativeReflection() {}
}
