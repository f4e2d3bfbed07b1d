package org.postage.smtp.server;

import java.util.function.Supplier;
import org.postage.api.AuthResult;
import org.postage.api.Envelope;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.api.SmtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last barrier between the application and the wire: a runtime exception or a missing decision becomes
 * {@link SmtpReplies#LOCAL_ERROR} and one log line, never a stack trace to the client or a dead session.
 */
final class FailSafeInvoker implements ListenerInvoker {

    private static final Logger log = LoggerFactory.getLogger(FailSafeInvoker.class);

    private final ListenerInvoker delegate;

    FailSafeInvoker(ListenerInvoker delegate) {
        this.delegate = delegate;
    }

    @Override
    public AuthResult authenticate(SmtpSession session, String username, String password) {
        AuthResult result = guard("authenticate", session, () -> delegate.authenticate(session, username, password));
        return result == null || result.reply() == null ? AuthResult.rejected(SmtpReplies.LOCAL_ERROR) : result;
    }

    @Override
    public Reply mailFrom(SmtpSession session, String reversePath, long declaredSize) {
        return orLocalError(guard("mailFrom", session, () -> delegate.mailFrom(session, reversePath, declaredSize)));
    }

    @Override
    public Reply rcptTo(SmtpSession session, String reversePath, String recipient) {
        return orLocalError(guard("rcptTo", session, () -> delegate.rcptTo(session, reversePath, recipient)));
    }

    @Override
    public Reply data(SmtpSession session, Envelope envelope, byte[] content) {
        return orLocalError(guard("data", session, () -> delegate.data(session, envelope, content)));
    }

    @Override
    public void transactionAbandoned(SmtpSession session) {
        try {
            delegate.transactionAbandoned(session);
        } catch (RuntimeException e) {
            // Nothing to answer: the client has its reply, or is gone.
            log.warn("SMTP session {}: transactionAbandoned() failed: {}", session.sessionId(), Causes.describe(e));
        }
    }

    private static <T> T guard(String call, SmtpSession session, Supplier<T> body) {
        try {
            T result = body.get();
            if (result == null) {
                log.warn("SMTP session {}: {}() returned no decision; answering 451", session.sessionId(), call);
            }
            return result;
        } catch (RuntimeException e) {
            log.warn("SMTP session {}: {}() failed; answering 451: {}", session.sessionId(), call, Causes.describe(e));
            return null;
        }
    }

    private static Reply orLocalError(Reply reply) {
        return reply == null ? SmtpReplies.LOCAL_ERROR : reply;
    }
}
