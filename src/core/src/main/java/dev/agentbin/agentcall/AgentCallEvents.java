package dev.agentbin.agentcall;

import dev.agentbin.event.EventOutbox;
import dev.agentbin.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The agentcall events, recorded in the transaction of the change: created when a ring starts, answered
 * when the first answer wins, ended when the agentcall reaches its outcome. The agentcall's status only
 * moves forward, so comparing it before and after a change says which (if any) happened.
 */
@ApplicationScoped
class AgentCallEvents {

    private final EventOutbox outbox;
    private final LegRepository legs;

    AgentCallEvents(EventOutbox outbox, LegRepository legs) {
        this.outbox = outbox;
        this.legs = legs;
    }

    void created(AgentCallEntity call) {
        record(EventType.AGENTCALL_CREATED, call);
    }

    void changed(AgentCallStatus before, AgentCallEntity call) {
        if (call.status == before) {
            return;
        }
        if (call.status == AgentCallStatus.ANSWERED) {
            record(EventType.AGENTCALL_ANSWERED, call);
        } else if (call.status != AgentCallStatus.RINGING) {
            record(EventType.AGENTCALL_ENDED, call);
        }
    }

    private void record(EventType type, AgentCallEntity call) {
        outbox.record(type, call.customerId, call.agentId, AgentCall.of(call, legs.ofCall(call.id)));
    }
}
