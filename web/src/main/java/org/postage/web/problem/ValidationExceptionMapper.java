package org.postage.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request body that breaks its record's constraints: a 400 problem listing each broken rule with the field's
 * JSON name, {@code Field 'name' is required}. Any other validation failure (a broken constraint declaration, a
 * return value) is the server's fault.
 */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException e) {
        if (!(e instanceof ConstraintViolationException violation) || !isAboutTheRequest(violation)) {
            return UnexpectedExceptionMapper.incident(e);
        }
        return Problem.badRequest(detail(violation.getConstraintViolations()));
    }

    static String detail(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(ValidationExceptionMapper::sentence)
                .sorted()
                .distinct()
                .collect(Collectors.joining("; "));
    }

    private static boolean isAboutTheRequest(ConstraintViolationException e) {
        Set<ConstraintViolation<?>> violations = e.getConstraintViolations();
        return violations != null
                && !violations.isEmpty()
                && violations.stream()
                        .allMatch(v ->
                                v.getPropertyPath() != null && !has(v.getPropertyPath(), ElementKind.RETURN_VALUE));
    }

    private static boolean has(Path path, ElementKind kind) {
        for (Path.Node node : path) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** The method and parameter nodes name the body itself; properties and list entries name a field in it. */
    private static String sentence(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(jsonName(node.getName()));
            }
            if ((node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT)
                    && node.isInIterable()
                    && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? v.getMessage() : "Field '" + field + "' " + v.getMessage();
    }

    /** As JSON-B's LOWER_CASE_WITH_UNDERSCORES names it: perRecipientPerMinute is per_recipient_per_minute. */
    static String jsonName(String javaName) {
        StringBuilder name = new StringBuilder(javaName.length() + 4);
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append(name.isEmpty() ? "" : "_").append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
