package org.postage.application.ndr;

import static org.postage.application.ndr.HeaderText.CRLF;
import static org.postage.application.ndr.HeaderText.ascii;
import static org.postage.application.ndr.HeaderText.field;
import static org.postage.application.ndr.HeaderText.oneLine;

/**
 * The second part of a report, message/delivery-status (RFC 3464 2): the per-message fields, then one block per
 * recipient, blocks separated by an empty line. US-ASCII only, as that type requires.
 */
final class DeliveryStatusPart {

    /** The diagnostic is for machines and support staff; the human part has the whole reason. */
    private static final int MAX_DIAGNOSTIC = 900;

    private DeliveryStatusPart() {}

    static String text(NonDeliveryReport r) {
        StringBuilder s = new StringBuilder(256 + 256 * r.recipients().size());
        s.append(field("Reporting-MTA", "dns; " + r.reportingHost()));
        s.append(field("X-Postage-Queue-ID", r.queueId().value()));
        s.append(field("Arrival-Date", HeaderText.date(r.arrivalDate())));
        for (FailedRecipient recipient : r.recipients()) {
            s.append(CRLF);
            s.append(field("Final-Recipient", "rfc822; " + ascii(oneLine(recipient.address()))));
            s.append(field("Action", "failed"));
            s.append(field("Status", recipient.reply().status()));
            // The reply as the SMTP session would have sent it: "550 5.7.1 reason" (Reply has no CR or LF).
            String diagnostic =
                    HeaderText.truncate(ascii(oneLine(recipient.reply().toString())), MAX_DIAGNOSTIC);
            s.append(field("Diagnostic-Code", "smtp; " + diagnostic));
        }
        return s.toString();
    }
}
