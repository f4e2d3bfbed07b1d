package org.postage.smtp.server;

import org.postage.api.AuthResult;
import org.postage.api.Envelope;
import org.postage.api.Reply;
import org.postage.api.SmtpSession;

/**
 * How the protocol layer reaches the application: the same calls as
 * {@link org.postage.api.SubmissionListener}, so the resource adapter can route them through JCA message endpoints
 * while tests and tools call a plain listener.
 */
public interface ListenerInvoker {

    AuthResult authenticate(SmtpSession session, String username, String password);

    Reply mailFrom(SmtpSession session, String reversePath, long declaredSize);

    Reply rcptTo(SmtpSession session, String reversePath, String recipient);

    Reply data(SmtpSession session, Envelope envelope, byte[] content);

    void transactionAbandoned(SmtpSession session);
}
