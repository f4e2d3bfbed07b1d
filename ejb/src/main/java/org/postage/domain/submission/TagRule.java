package org.postage.domain.submission;

import java.util.List;
import org.postage.domain.mail.HeaderField;
import org.postage.domain.mail.HeaderSection;

/** {@code X-Flexmail-Tag}: at most one per message, snake_case, 1 to 50 characters. */
final class TagRule {

    static final String HEADER = "X-Flexmail-Tag";

    private static final String FIX = "Use one X-Flexmail-Tag of 1 to " + SnakeCase.MAX_LENGTH
            + " lower-case letters and digits joined by single underscores, e.g. order_confirmation";

    private TagRule() {}

    /** The tag, or null when there is none or it breaks the rule (then {@code violations} says why). */
    static String read(HeaderSection headers, List<Violation> violations) {
        List<HeaderField> tags = headers.named(HEADER);
        if (tags.isEmpty()) {
            return null;
        }
        if (tags.size() > 1) {
            violations.add(new Violation(
                    "tag.multiple", HEADER + " appears " + tags.size() + " times; a message has at most one tag", FIX));
            return null;
        }
        String tag = tags.get(0).value().trim();
        String problem = SnakeCase.problem(tag);
        if (problem != null) {
            violations.add(new Violation("tag.format", HEADER + " " + ReplyText.quote(tag) + " " + problem, FIX));
            return null;
        }
        return tag;
    }
}
