package dev.agentbin.telephony;

import dev.agentbin.agent.AddressType;

/**
 * Where a leg rings, as a provider needs it: the kind of address, its normalized target, and the
 * free-text detail (the simulator reads its behaviour there).
 */
public record Destination(AddressType type, String target, String detail) {
}
