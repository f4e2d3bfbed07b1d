package org.postage.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON-B deserializers that take a request field only in its own JSON type. Yasson on its own converts: it reads
 * {@code 42} into a String, {@code 1} into false, {@code 1.5} into 1 and 2^64 + 5 into 5. JSON null is read as
 * absent, which the records' constraints judge.
 */
public final class StrictJsonTypes {

    private StrictJsonTypes() {}

    /** What a field's value breaks, worded to follow "Field 'name' "; Yasson adds the field's name around it. */
    public static final class BadValue extends JsonbException {

        BadValue(String reason) {
            super(reason);
        }
    }

    static JsonbDeserializer<?>[] all() {
        return new JsonbDeserializer<?>[] {new Text(), new Flag(), new WholeNumber(), new TextList()};
    }

    static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonString s) {
                return s.getString();
            }
            throw new BadValue("must be a string");
        }
    }

    static final class Flag implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return switch (parser.getValue().getValueType()) {
                case NULL -> null;
                case TRUE -> true;
                case FALSE -> false;
                default -> throw new BadValue("must be true or false");
            };
        }
    }

    static final class WholeNumber implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
                throw new BadValue("must be a whole number");
            }
            try {
                return n.longValueExact(); // longValue() wraps around
            } catch (ArithmeticException tooLarge) {
                throw new BadValue("must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
            }
        }
    }

    static final class TextList implements JsonbDeserializer<List<String>> {
        @Override
        public List<String> deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonArray array)) {
                throw new BadValue("must be an array of strings");
            }
            List<String> strings = new ArrayList<>(array.size());
            for (JsonValue item : array) {
                if (!(item instanceof JsonString s)) {
                    throw new BadValue("must be an array of strings");
                }
                strings.add(s.getString());
            }
            return strings;
        }
    }
}
