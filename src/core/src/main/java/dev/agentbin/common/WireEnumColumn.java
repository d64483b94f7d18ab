package dev.agentbin.common;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link WireEnum} by its wire name, so the database reads like the API. */
public abstract class WireEnumColumn<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wire();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : WireEnum.parse(type, type.getSimpleName(), column);
    }
}
