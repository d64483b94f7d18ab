package dev.agentbin.agentcall;

import dev.agentbin.stats.DailyRollups;
import dev.agentbin.stats.RingEnd;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rings' share of the agent statistics ({@link DailyRollups}), in the transaction of the change: offered
 * when a ring starts, answered (with its time to answer) when the first answer wins, its outcome and talk
 * time when it ends, all on the day the ring started. As with {@link AgentCallEvents}, the agentcall's
 * status before and after a change says what happened.
 */
@ApplicationScoped
class AgentCallRollups {

    private final DailyRollups rollups;

    AgentCallRollups(DailyRollups rollups) {
        this.rollups = rollups;
    }

    void started(AgentCallEntity call) {
        rollups.offered(call.agentId, call.customerId, call.tmCreate);
    }

    void changed(AgentCallStatus before, AgentCallEntity call) {
        if (call.status == before) {
            return;
        }
        if (before == AgentCallStatus.RINGING && call.tmAnswer != null) {
            rollups.answered(call.agentId, call.customerId, call.tmCreate, call.tmAnswer);
        }
        switch (call.status) {
            case COMPLETED -> rollups.talked(call.agentId, call.customerId, call.tmCreate, call.tmAnswer, call.tmEnd);
            case NO_ANSWER -> rollups.ended(call.agentId, call.customerId, call.tmCreate, RingEnd.MISSED);
            case CANCELED -> rollups.ended(call.agentId, call.customerId, call.tmCreate, RingEnd.CANCELED);
            case FAILED -> rollups.ended(call.agentId, call.customerId, call.tmCreate, RingEnd.FAILED);
            case RINGING, ANSWERED -> {}
        }
    }
}
