package org.postage.smtp.server.command;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.postage.api.Envelope;
import org.subethamail.smtp.MessageHandler;

/**
 * The envelope of the mail transaction in progress, kept in subethasmtp's per-session message handler slot so that
 * its RSET, EHLO and STARTTLS resets clear it too.
 */
public final class MailTransaction implements MessageHandler {

    private String reversePath;
    private long declaredSize = -1;
    private final List<String> recipients = new ArrayList<>();

    void begin(String reversePath, long declaredSize) {
        this.reversePath = reversePath;
        this.declaredSize = declaredSize;
    }

    void addRecipient(String recipient) {
        recipients.add(recipient);
    }

    String reversePath() {
        return reversePath;
    }

    /** The MAIL SIZE parameter, or -1. */
    long declaredSize() {
        return declaredSize;
    }

    int recipientCount() {
        return recipients.size();
    }

    Envelope envelope() {
        return new Envelope(reversePath, recipients);
    }

    // subethasmtp's own MAIL, RCPT and DATA commands call these; Postage replaces all of them.

    @Override
    public void from(String from) {
        throw new UnsupportedOperationException("MAIL is handled by Postage's MailCommand");
    }

    @Override
    public void recipient(String recipient) {
        throw new UnsupportedOperationException("RCPT is handled by Postage's RcptCommand");
    }

    @Override
    public String data(InputStream data) {
        throw new UnsupportedOperationException("DATA is handled by Postage's DataCommand");
    }

    @Override
    public void done() {
        // Nothing to release: the envelope is plain data.
    }
}
