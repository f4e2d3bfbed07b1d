package org.postage.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postage.web.StrictJsonTypes;

/**
 * A request body that JSON-B could not bind (RESTEasy's reader wraps the JsonbException in a ProcessingException):
 * a 400 problem that says what is wrong, naming the field where there is one, in place of the parser's message.
 */
@Provider
public class JsonBindingExceptionMapper implements ExceptionMapper<ProcessingException> {

    /** Yasson's words around a field's failure: "Unable to deserialize property 'name' because of: ...". */
    private static final Pattern FIELD = Pattern.compile("property '([^']+)' because of");
    /** And for a field the record does not have: "Json property nmae can not be mapped to a class ...". */
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("^Json property (.+) can not be mapped to a class");

    @Override
    public Response toResponse(ProcessingException e) {
        return detail(e).map(Problem::badRequest).orElseGet(() -> UnexpectedExceptionMapper.incident(e));
    }

    /** @return empty when the exception is not about binding a request body */
    static Optional<String> detail(Throwable e) {
        if (cause(e, JsonbException.class).isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonParsingException> syntax = cause(e, JsonParsingException.class);
        if (syntax.isPresent()) {
            return Optional.of(
                    "The request body is not valid JSON: " + syntax.get().getMessage());
        }
        Optional<String> field = match(e, FIELD);
        if (field.isPresent()) {
            String reason = cause(e, StrictJsonTypes.BadValue.class)
                    .map(Throwable::getMessage)
                    .orElse("has a value of the wrong type");
            return Optional.of("Field '" + field.get() + "' " + reason);
        }
        Optional<String> unknown = match(e, UNKNOWN_FIELD);
        if (unknown.isPresent()) {
            return Optional.of("Field '" + unknown.get() + "' is not one this request takes");
        }
        return Optional.of("The request body must be a JSON object with the fields this request takes");
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> match(Throwable e, Pattern pattern) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = pattern.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
