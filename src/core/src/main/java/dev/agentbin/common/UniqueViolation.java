package dev.agentbin.common;

import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** Finds which database constraint rejected a write, so a race lost to a concurrent writer maps to 409. */
public final class UniqueViolation {

    private UniqueViolation() {}

    public static Optional<String> constraintName(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return Optional.of(violation.getConstraintName());
            }
        }
        return Optional.empty();
    }
}
