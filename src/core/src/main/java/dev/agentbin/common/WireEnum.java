package dev.agentbin.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** An enum whose JSON and database form is its lower-case name ({@code available}, {@code ringall}). */
public interface WireEnum {

    String name();

    @JsonValue
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant with this wire name; an unknown one fails naming the allowed values (a 400 in the API). */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String field, String value) {
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants)
                .filter(constant -> constant.wire().equals(value))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown " + field + " '" + value + "', expected one of "
                                + Arrays.stream(constants).map(WireEnum::wire).toList()));
    }
}
