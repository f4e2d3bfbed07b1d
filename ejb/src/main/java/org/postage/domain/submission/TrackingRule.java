package org.postage.domain.submission;

import java.util.List;
import org.postage.domain.mail.HeaderField;
import org.postage.domain.mail.HeaderSection;

/**
 * {@code X-Flexmail-Open-Tracking} and {@code X-Flexmail-Link-Tracking}: {@code true} turns tracking on; absent or
 * {@code false} leaves it off (case-insensitive, surrounding spaces ignored). Anything else, or the header twice, is a
 * violation rather than a guess, because tracking a recipient who should not be tracked cannot be undone.
 */
final class TrackingRule {

    static final String OPEN = "X-Flexmail-Open-Tracking";
    static final String LINK = "X-Flexmail-Link-Tracking";

    private TrackingRule() {}

    /** Whether {@code header} turns tracking on; false when it breaks the rule (then {@code violations} says why). */
    static boolean read(HeaderSection headers, String header, List<Violation> violations) {
        List<HeaderField> fields = headers.named(header);
        if (fields.isEmpty()) {
            return false;
        }
        String fix = "Set " + header + " to true or false, once, or leave it out to keep tracking off";
        if (fields.size() > 1) {
            violations.add(new Violation("tracking.multiple", header + " appears " + fields.size() + " times", fix));
            return false;
        }
        String value = fields.get(0).value().trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (!value.equalsIgnoreCase("false")) {
            violations.add(new Violation(
                    "tracking.value",
                    header + " is " + ReplyText.quote(value) + "; only true or false is understood",
                    fix));
        }
        return false;
    }
}
