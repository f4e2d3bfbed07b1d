package org.postage.application.ndr;

import java.util.Objects;

/**
 * One submission rule a message broke, as the sender reads it in the report.
 *
 * @param rule   the rule's name, e.g. "Verified sender"
 * @param reason what about this message broke it
 * @param fix    what the sender should change before sending again
 */
public record Problem(String rule, String reason, String fix) {

    public Problem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
        if (rule.isBlank()) {
            throw new IllegalArgumentException("a problem needs the name of its rule");
        }
    }
}
