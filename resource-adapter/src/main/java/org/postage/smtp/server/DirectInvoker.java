package org.postage.smtp.server;

import java.util.Objects;
import org.postage.api.AuthResult;
import org.postage.api.Envelope;
import org.postage.api.Reply;
import org.postage.api.SmtpSession;
import org.postage.api.SubmissionListener;

/** Calls a listener in the same thread, with no container around it: for tests and bare-Java benchmarks. */
public final class DirectInvoker implements ListenerInvoker {

    private final SubmissionListener listener;

    public DirectInvoker(SubmissionListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public AuthResult authenticate(SmtpSession session, String username, String password) {
        return listener.authenticate(session, username, password);
    }

    @Override
    public Reply mailFrom(SmtpSession session, String reversePath, long declaredSize) {
        return listener.mailFrom(session, reversePath, declaredSize);
    }

    @Override
    public Reply rcptTo(SmtpSession session, String reversePath, String recipient) {
        return listener.rcptTo(session, reversePath, recipient);
    }

    @Override
    public Reply data(SmtpSession session, Envelope envelope, byte[] content) {
        return listener.data(session, envelope, content);
    }

    @Override
    public void transactionAbandoned(SmtpSession session) {
        listener.transactionAbandoned(session);
    }
}
