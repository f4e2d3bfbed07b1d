package org.postage.application.ndr;

import java.util.Objects;
import java.util.regex.Pattern;
import org.postage.api.Reply;

/**
 * One recipient the message was not delivered to, with the reply that stands for the failure: its enhanced
 * status code becomes the recipient's {@code Status} and the whole reply its {@code Diagnostic-Code}. Pass a
 * constant from {@link org.postage.api.SmtpReplies} (with {@link Reply#withText} for the details) so that the
 * report and the SMTP session use the same codes.
 *
 * @param address the envelope recipient, as given in RCPT TO
 * @param reply   a permanent (5xx) reply with an enhanced status code, e.g. 5.6.0 for content, 5.7.1 for policy
 */
public record FailedRecipient(String address, Reply reply) {

    private static final Pattern PERMANENT_STATUS = Pattern.compile("5\\.\\d{1,3}\\.\\d{1,3}");

    public FailedRecipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reply, "reply");
        if (address.isBlank()) {
            throw new IllegalArgumentException("a failed recipient needs an address");
        }
        // Action: failed needs a permanent status (RFC 3464 2.3.3); a 4xx would tell the sender to wait, not fix.
        if (!reply.isPermanent()
                || reply.status() == null
                || !PERMANENT_STATUS.matcher(reply.status()).matches()) {
            throw new IllegalArgumentException("a failed recipient needs a 5xx reply with a 5.x.x status: " + reply);
        }
    }
}
