package org.postage.infrastructure.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Raw setting values and their checks. A bad value adds a problem and yields the default, so that one reading
 * reports every bad setting at once; {@link #throwIfInvalid()} ends it.
 */
final class SettingValues {

    /** Enough of a value to recognise it; a whole certificate pasted by mistake would drown the message. */
    private static final int SHOWN_LENGTH = 80;

    private final Settings.Source source;
    private final List<String> problems = new ArrayList<>();

    SettingValues(Settings.Source source) {
        this.source = source;
    }

    /** The environment variable MicroProfile Config reads for a property: postage.a-b.c gives POSTAGE_A_B_C. */
    static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Empty when unset or blank: {@code POSTAGE_RELAY_HOST=} means the default, as an unset variable does. */
    Optional<String> optional(String name) {
        return source.value(name).filter(v -> !v.isBlank()).map(String::strip);
    }

    /** For passwords, which may be all spaces: only an empty value is unset, and the value is kept as it is. */
    Optional<String> secret(String name) {
        return source.value(name).filter(v -> !v.isEmpty());
    }

    String text(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    String text(String name, String defaultValue, Predicate<String> valid, String allowed) {
        String value = text(name, defaultValue);
        if (valid.test(value)) {
            return value;
        }
        problem(name, value, allowed);
        return defaultValue;
    }

    long number(String name, long defaultValue, long min, long max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below, with what is allowed
        }
        problem(
                name,
                raw.get(),
                max >= Integer.MAX_VALUE
                        ? "a whole number, " + min + " or more"
                        : "a whole number from " + min + " to " + max);
        return defaultValue;
    }

    double decimal(String name, double defaultValue, double min) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw.get());
            if (Double.isFinite(value) && value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below, with what is allowed
        }
        problem(name, raw.get(), "a number of at least " + Settings.shown(min) + ", such as 2 or 1.5");
        return defaultValue;
    }

    /** The words MicroProfile Config's boolean converter takes, so that no value that worked before fails now. */
    boolean flag(String name, boolean defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "on", "1" -> {
                return true;
            }
            case "false", "no", "n", "off", "0" -> {
                return false;
            }
            default -> {
                problem(name, raw.get(), "true or false");
                return defaultValue;
            }
        }
    }

    /** One of the enum's constants, written in lower case. */
    <E extends Enum<E>> E choice(String name, E defaultValue) {
        E[] values = defaultValue.getDeclaringClass().getEnumConstants();
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        List<String> names = new ArrayList<>();
        for (E value : values) {
            String written = value.name().toLowerCase(Locale.ROOT);
            if (written.equals(raw.get())) {
                return value;
            }
            names.add(written);
        }
        String last = names.remove(names.size() - 1);
        problem(name, raw.get(), String.join(", ", names) + " or " + last);
        return defaultValue;
    }

    /** Records that the value of a setting is not allowed; unset, the value is its default and the message says so. */
    void problem(String name, String value, String allowed) {
        String shown = value.length() > SHOWN_LENGTH ? value.substring(0, SHOWN_LENGTH) + "..." : value;
        String origin = optional(name).isPresent() ? "" : " (the default)";
        // One line in the log, whatever the value holds.
        problems.add(variable(name) + " (" + name + ") is '" + shown.replaceAll("\\p{Cntrl}", "?") + "'" + origin
                + " but must be " + allowed);
    }

    /** A problem that is not about one value alone. */
    void conflict(String text) {
        problems.add(text);
    }

    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }
}
