package org.postage.domain.sendingdomain.dns;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A DKIM key or DMARC record: {@code tag=value} pairs separated by semicolons (RFC 6376 3.2, RFC 7489 6.4). */
final class TagList {

    private final Map<String, String> tags;
    private final String first;

    private TagList(Map<String, String> tags, String first) {
        this.tags = tags;
        this.first = first;
    }

    /** @return empty if the text is not a tag list, or names a tag twice (both make the record invalid) */
    static Optional<TagList> parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        String first = null;
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 1) {
                return Optional.empty();
            }
            String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (tags.put(name, part.substring(eq + 1).trim()) != null) {
                return Optional.empty();
            }
            first = first == null ? name : first;
        }
        return Optional.of(new TagList(tags, first));
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    boolean startsWith(String name) {
        return name.equals(first);
    }
}
