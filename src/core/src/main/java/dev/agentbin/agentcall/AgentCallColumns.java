package dev.agentbin.agentcall;

import dev.agentbin.common.WireEnumColumn;
import jakarta.persistence.Converter;

/** Database columns of the agentcall enums. */
final class AgentCallColumns {

    private AgentCallColumns() {}

    @Converter
    public static class CallStatusColumn extends WireEnumColumn<AgentCallStatus> {
        public CallStatusColumn() {
            super(AgentCallStatus.class);
        }
    }

    @Converter
    public static class LegStatusColumn extends WireEnumColumn<LegStatus> {
        public LegStatusColumn() {
            super(LegStatus.class);
        }
    }
}
