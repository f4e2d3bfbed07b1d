package org.postage.application.ndr;

import java.util.Objects;

/**
 * Whether to send a non-delivery report, and why: the reason goes into the log line when no report is sent.
 *
 * @param report true to send a report
 * @param reason why, in a few words
 */
public record NdrDecision(boolean report, String reason) {

    public NdrDecision {
        Objects.requireNonNull(reason, "reason");
    }

    public static NdrDecision send() {
        return new NdrDecision(true, "ordinary message from a non-null sender");
    }

    public static NdrDecision suppress(String reason) {
        return new NdrDecision(false, reason);
    }
}
