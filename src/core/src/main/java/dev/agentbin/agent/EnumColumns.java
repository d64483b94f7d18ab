package dev.agentbin.agent;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores enums by their wire name, so the database reads like the API ({@code available}, {@code ringall}). */
public final class EnumColumns {

    private EnumColumns() {
    }

    @Converter
    public static class AgentStatusColumn implements AttributeConverter<AgentStatus, String> {
        @Override
        public String convertToDatabaseColumn(AgentStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public AgentStatus convertToEntityAttribute(String column) {
            return column == null ? null : AgentStatus.fromWire(column);
        }
    }

    @Converter
    public static class RingMethodColumn implements AttributeConverter<RingMethod, String> {
        @Override
        public String convertToDatabaseColumn(RingMethod method) {
            return method == null ? null : method.wire();
        }

        @Override
        public RingMethod convertToEntityAttribute(String column) {
            return column == null ? null : RingMethod.fromWire(column);
        }
    }

    @Converter
    public static class AddressTypeColumn implements AttributeConverter<AddressType, String> {
        @Override
        public String convertToDatabaseColumn(AddressType type) {
            return type == null ? null : type.wire();
        }

        @Override
        public AddressType convertToEntityAttribute(String column) {
            return column == null ? null : AddressType.fromWire(column);
        }
    }
}
