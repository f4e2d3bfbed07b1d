package org.postage.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request body read as a JSON object, with field access that answers bad input with a 400 problem naming the
 * field, rather than a parser's exception.
 */
public final class JsonBody {

    public static final int MAX_BODY_CHARS = 64 * 1024;

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody parse(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("The request body is empty; send a JSON object");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw invalid("The request body is larger than " + MAX_BODY_CHARS + " characters");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("The request body must be a JSON object, not " + value.getValueType().name().toLowerCase(java.util.Locale.ROOT));
            }
            return new JsonBody(value.asJsonObject());
        } catch (JsonParsingException e) {
            throw invalid("The request body is not valid JSON: " + e.getMessage());
        } catch (jakarta.json.JsonException e) {
            throw invalid("The request body is not valid JSON");
        }
    }

    /** A required, non-blank string of at most {@code maxLength} characters. */
    public String requiredString(String field, int maxLength) {
        String value = optionalString(field, maxLength)
                .orElseThrow(() -> invalid("Field '" + field + "' is required"));
        if (value.isBlank()) {
            throw invalid("Field '" + field + "' must not be blank");
        }
        return value;
    }

    public Optional<String> optionalString(String field, int maxLength) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s)) {
            throw invalid("Field '" + field + "' must be a string");
        }
        if (s.getString().length() > maxLength) {
            throw invalid("Field '" + field + "' must be at most " + maxLength + " characters");
        }
        return Optional.of(s.getString());
    }

    /** An array of at most {@code maxItems} strings of at most {@code maxLength} characters each. */
    public Optional<List<String>> optionalStringList(String field, int maxItems, int maxLength) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid("Field '" + field + "' must be an array of strings");
        }
        if (array.size() > maxItems) {
            throw invalid("Field '" + field + "' may hold at most " + maxItems + " entries");
        }
        List<String> strings = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw invalid("Field '" + field + "' must be an array of strings");
            }
            if (s.getString().length() > maxLength) {
                throw invalid("Each entry of field '" + field + "' must be at most " + maxLength + " characters");
            }
            strings.add(s.getString());
        }
        return Optional.of(strings);
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        JsonValue.ValueType type = value.getValueType();
        if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
            throw invalid("Field '" + field + "' must be true or false");
        }
        return Optional.of(type == JsonValue.ValueType.TRUE);
    }

    public Optional<Long> optionalNonNegativeLong(String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        String wrong = "Field '" + field + "' must be a whole number of 0 or more";
        if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
            throw invalid(wrong);
        }
        try {
            long exact = n.longValueExact(); // longValue() wraps: 2^64 + 5 would read as 5
            if (exact < 0) {
                throw invalid(wrong);
            }
            return Optional.of(exact);
        } catch (ArithmeticException tooLarge) {
            throw invalid(wrong + " (at most " + Long.MAX_VALUE + ")");
        }
    }

    static WebApplicationException invalid(String detail) {
        return new WebApplicationException(Problem.badRequest(detail));
    }
}
