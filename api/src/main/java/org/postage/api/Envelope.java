package org.postage.api;

import java.util.List;

/**
 * The SMTP envelope of one mail transaction.
 *
 * @param reversePath the MAIL FROM address; the empty string for the null sender {@code <>}
 * @param recipients  the accepted RCPT TO addresses, in order
 */
public record Envelope(String reversePath, List<String> recipients) implements java.io.Serializable {

    public Envelope {
        recipients = List.copyOf(recipients);
    }
}
