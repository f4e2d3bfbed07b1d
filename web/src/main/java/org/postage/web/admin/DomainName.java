package org.postage.web.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.postage.domain.sendingdomain.SendingDomain;

/**
 * A name Postage takes as a sending domain ({@link SendingDomain#isValidName}). Null, blank and over-long values
 * are left to the field's other constraints, so that each fault is reported once.
 */
@Constraint(validatedBy = DomainName.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface DomainName {

    /** RFC 1035: 253 characters in the written form. */
    int MAX_LENGTH = 253;

    String message() default
            "must be a domain name such as shop.example (letters, digits, hyphens; at least two"
                    + " labels; an IDN in its xn-- form), not '${validatedValue}'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validates {@link DomainName}. */
    class Check implements ConstraintValidator<DomainName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || value.length() > MAX_LENGTH || SendingDomain.isValidName(value);
        }
    }
}
