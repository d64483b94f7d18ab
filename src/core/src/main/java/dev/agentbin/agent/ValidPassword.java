package dev.agentbin.agent;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The password rule on every path that sets one: at least 8 characters, and at most 72 bytes in UTF-8
 * because bcrypt reads no further (a longer password would be checked on its first 72 bytes only).
 */
@Constraint(validatedBy = ValidPassword.Rule.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPassword {
    /** The rule for people (and the API's document, which cannot read this constraint). */
    String RULE = "8 to 72 characters, and at most 72 bytes in UTF-8";

    String message() default "password must be " + RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Rule implements ConstraintValidator<ValidPassword, String> {
        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password != null
                    && password.codePointCount(0, password.length()) >= 8
                    && PasswordHasher.fits(password);
        }
    }
}
