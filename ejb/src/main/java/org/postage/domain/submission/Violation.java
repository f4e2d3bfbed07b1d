package org.postage.domain.submission;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One broken submission rule, worded for the sender. {@code rule} is a stable id for logs, metrics and tests (such
 * as {@code tag.format}); {@code reason} names the header or part and the offending value; {@code fix} says what to
 * change.
 * Both texts end up in SMTP replies and NDRs, so whatever the message held they are kept to one line of printable
 * ASCII of at most {@value #MAX_TEXT} characters.
 */
public record Violation(String rule, String reason, String fix) {

    /** Room for a reason or a fix; a 512-octet SMTP reply line (RFC 5321 4.5.3.1.5) still fits code and rule id. */
    public static final int MAX_TEXT = 200;

    private static final Pattern RULE = Pattern.compile("[a-z]+(\\.[a-z]+(-[a-z]+)*)+");

    public Violation {
        if (rule == null || !RULE.matcher(rule).matches()) {
            throw new IllegalArgumentException("not a rule id: " + rule);
        }
        reason = ReplyText.line(Objects.requireNonNull(reason, "reason"), MAX_TEXT);
        fix = ReplyText.line(Objects.requireNonNull(fix, "fix"), MAX_TEXT);
    }
}
