package org.postage.domain.sendingdomain.dns;

/**
 * The verdict on one record.
 *
 * @param name   the name that was asked for
 * @param reason what was found, or what is wrong, in words for the domain's owner
 */
public record RecordCheck(RecordKind kind, String name, Outcome outcome, String reason) {

    public enum Outcome {
        /** Published as Postage needs it. */
        PASS,
        /** Missing or different from what Postage needs. */
        FAIL,
        /** Not known: DNS did not answer (timeout, SERVFAIL). A failed check too; asking again may pass. */
        DNS_ERROR
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    static RecordCheck pass(RecordKind kind, String name, String reason) {
        return new RecordCheck(kind, name, Outcome.PASS, reason);
    }

    static RecordCheck fail(RecordKind kind, String name, String reason) {
        return new RecordCheck(kind, name, Outcome.FAIL, reason);
    }
}
