package dev.agentbin.agent;

import dev.agentbin.common.WireEnumColumn;
import jakarta.persistence.Converter;

/** Database columns of the agent enums. */
public final class EnumColumns {

    private EnumColumns() {}

    @Converter
    public static class AgentStatusColumn extends WireEnumColumn<AgentStatus> {
        public AgentStatusColumn() {
            super(AgentStatus.class);
        }
    }

    @Converter
    public static class RingMethodColumn extends WireEnumColumn<RingMethod> {
        public RingMethodColumn() {
            super(RingMethod.class);
        }
    }

    @Converter
    public static class AnswerConfirmationColumn extends WireEnumColumn<AnswerConfirmation> {
        public AnswerConfirmationColumn() {
            super(AnswerConfirmation.class);
        }
    }

    @Converter
    public static class AddressTypeColumn extends WireEnumColumn<AddressType> {
        public AddressTypeColumn() {
            super(AddressType.class);
        }
    }

    @Converter
    public static class StatusCauseTypeColumn extends WireEnumColumn<StatusCauseType> {
        public StatusCauseTypeColumn() {
            super(StatusCauseType.class);
        }
    }
}
