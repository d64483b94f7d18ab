package dev.agentbin.agentcall;

import dev.agentbin.agent.AddressType;
import dev.agentbin.agent.AnswerConfirmation;
import dev.agentbin.telephony.Destination;
import dev.agentbin.telephony.Origination;

/**
 * A stored leg as the telephony port is asked to ring it: the agent feature's address types and answer
 * confirmation in telephony's own terms, which knows nothing of agents.
 */
final class Originations {

    private Originations() {}

    static Origination of(AgentCallEntity call, LegEntity leg, int ringSeconds) {
        return new Origination(
                leg.id,
                call.id,
                call.source,
                new Destination(destinationKind(leg.addressType), leg.target, leg.addressDetail),
                ringSeconds,
                confirmation(leg.confirmation));
    }

    private static Destination.Kind destinationKind(AddressType type) {
        return switch (type) {
            case TEL -> Destination.Kind.PHONE_NUMBER;
            case SIP -> Destination.Kind.SIP;
            case EXTENSION -> Destination.Kind.EXTENSION;
        };
    }

    private static Origination.Confirmation confirmation(AnswerConfirmation confirmation) {
        return switch (confirmation) {
            case NONE -> Origination.Confirmation.NONE;
            case KEY -> Origination.Confirmation.KEY;
            case MACHINE_DETECTION -> Origination.Confirmation.MACHINE_DETECTION;
        };
    }
}
