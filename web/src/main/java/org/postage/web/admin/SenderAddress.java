package org.postage.web.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.postage.domain.mail.EmailAddress;

/**
 * An address Postage takes as a sender ({@link EmailAddress}). Stricter than {@code @Email}, which takes
 * quoted local parts and one-label domains that no sending domain can match. Null, blank and over-long values are
 * left to the field's other constraints, so that each fault is reported once.
 */
@Constraint(validatedBy = SenderAddress.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface SenderAddress {

    String message() default
            "must be an address such as orders@shop.example (a dot-atom local part, a domain of"
                    + " at least two labels), not '${validatedValue}'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validates {@link SenderAddress}. */
    class Check implements ConstraintValidator<SenderAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || value.isBlank()
                    || value.length() > EmailAddress.MAX_LENGTH
                    || EmailAddress.isValid(value);
        }
    }
}
