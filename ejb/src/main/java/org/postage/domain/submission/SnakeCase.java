package org.postage.domain.submission;

import java.util.regex.Pattern;

/** The name format Flexmail uses for tags and metadata keys: lower-case words of letters and digits joined by '_'. */
final class SnakeCase {

    static final int MAX_LENGTH = 50;

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");

    private SnakeCase() {}

    /** What is wrong with {@code name} as a snake_case name of 1 to 50 characters, or null when nothing is. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        int length = name.codePointCount(0, name.length());
        boolean format = FORMAT.matcher(name).matches();
        if (length > MAX_LENGTH) {
            return (format ? "" : "is not snake_case and ") + "has " + length + " characters, more than " + MAX_LENGTH;
        }
        return format ? null : "is not snake_case";
    }
}
