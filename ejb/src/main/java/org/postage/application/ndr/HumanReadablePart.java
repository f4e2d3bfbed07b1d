package org.postage.application.ndr;

import static org.postage.application.ndr.HeaderText.CRLF;

/**
 * The first part of a report: in plain words, which message was not delivered, to whom, which rules it broke,
 * and what to change before sending it again.
 */
final class HumanReadablePart {

    /** Values quoted from the original are cut here: the full header section is in the third part. */
    private static final int MAX_QUOTED = 200;

    private HumanReadablePart() {}

    static String text(NonDeliveryReport r) {
        StringBuilder s = new StringBuilder(1024);
        line(s, "This is the mail system at " + r.reportingHost() + ".");
        line(s, "");
        line(s, "Your message was NOT delivered to any of its recipients: it broke the");
        line(s, "submission rules listed below, so it was not sent to anyone.");
        line(s, "");
        line(s, "Message");
        line(s, "  Queue ID:   " + r.queueId());
        line(s, "  Message-ID: " + orNone(quoted(r.original().field("Message-ID")), "(none)"));
        line(s, "  Subject:    " + orNone(quoted(r.original().subject()), "(no subject)"));
        line(s, "  Accepted:   " + HeaderText.date(r.arrivalDate()));
        line(s, "");
        line(s, "Not delivered to");
        for (FailedRecipient recipient : r.recipients()) {
            line(s, "  <" + HeaderText.oneLine(recipient.address()) + ">");
        }
        line(s, "");
        line(s, "What went wrong");
        int n = 1;
        for (Problem problem : r.problems()) {
            line(s, "");
            line(s, "  " + n++ + ". Rule: " + HeaderText.oneLine(problem.rule()));
            line(s, "     Reason: " + HeaderText.oneLine(problem.reason()));
            line(s, "     How to fix: " + HeaderText.oneLine(problem.fix()));
        }
        line(s, "");
        line(s, "Please correct the problems above and send the message again. Sent again");
        line(s, "unchanged, it will be refused the same way.");
        line(s, "");
        line(s, "The status of each recipient and the header of your message are attached.");
        return s.toString();
    }

    private static String quoted(String value) {
        return HeaderText.truncate(HeaderText.oneLine(value), MAX_QUOTED);
    }

    private static String orNone(String value, String none) {
        return value.isEmpty() ? none : value;
    }

    private static void line(StringBuilder s, String line) {
        s.append(line).append(CRLF);
    }
}
