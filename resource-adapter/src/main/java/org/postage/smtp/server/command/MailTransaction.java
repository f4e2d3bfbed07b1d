package org.postage.smtp.server.command;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.postage.api.Envelope;
import org.postage.smtp.server.ListenerInvoker;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.Session;

/**
 * The envelope of the mail transaction in progress, kept in subethasmtp's per-session message handler slot so that
 * its RSET, EHLO and STARTTLS resets clear it too. subethasmtp calls {@link #done()} whenever the transaction ends,
 * the end of the session included; a transaction that ends without its message having been answered 2xx is reported
 * to the listener there, once.
 */
public final class MailTransaction implements MessageHandler {

    private final Session session;
    private final ListenerInvoker invoker;
    private String reversePath;
    private long declaredSize = -1;
    private final List<String> recipients = new ArrayList<>();
    /** Its message was answered 2xx, or its end was reported: only the session's own thread touches this. */
    private boolean ended;

    /** Created by subethasmtp when MAIL starts a transaction, for that session. */
    public MailTransaction(Session session, ListenerInvoker invoker) {
        this.session = session;
        this.invoker = invoker;
    }

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

    /** DATA is about to be answered 2xx: the transaction ends with its message, and nothing is reported. */
    void messageAccepted() {
        ended = true;
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

    /**
     * RSET, EHLO, HELO, the end of DATA, or the end of the session (QUIT, a dropped connection, a timeout, a server
     * stop): on the session's thread, before any reply to the command that ended the transaction.
     */
    @Override
    public void done() {
        if (!ended) {
            ended = true;
            invoker.transactionAbandoned(Sessions.view(session));
        }
    }
}
