package dev.agentbin.agentcall;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the agentcall enums by their wire names. */
final class AgentCallColumns {

    private AgentCallColumns() {
    }

    @Converter
    public static class CallStatusColumn implements AttributeConverter<AgentCallStatus, String> {
        @Override
        public String convertToDatabaseColumn(AgentCallStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public AgentCallStatus convertToEntityAttribute(String column) {
            return column == null ? null : AgentCallStatus.fromWire(column);
        }
    }

    @Converter
    public static class LegStatusColumn implements AttributeConverter<LegStatus, String> {
        @Override
        public String convertToDatabaseColumn(LegStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public LegStatus convertToEntityAttribute(String column) {
            return column == null ? null : LegStatus.fromWire(column);
        }
    }
}
