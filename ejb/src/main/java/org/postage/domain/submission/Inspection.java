package org.postage.domain.submission;

import java.util.List;
import java.util.Objects;
import org.postage.domain.mail.EmailAddress;

/**
 * The result of inspecting one submitted message: every broken rule (empty when the message is accepted), the
 * options its headers ask for, and its single From address (null when From is missing, invalid or not single).
 */
public record Inspection(List<Violation> violations, FlexmailOptions options, EmailAddress from) {

    public Inspection {
        violations = List.copyOf(violations);
        Objects.requireNonNull(options, "options");
    }

    public boolean isAccepted() {
        return violations.isEmpty();
    }

    /** The From address as {@code local@domain} in lower case, or null. */
    public String fromAddress() {
        return from == null ? null : from.toString();
    }
}
