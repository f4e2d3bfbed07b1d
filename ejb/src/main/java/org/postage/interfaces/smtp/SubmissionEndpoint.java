package org.postage.interfaces.smtp;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.postage.api.AuthResult;
import org.postage.api.Envelope;
import org.postage.api.Reply;
import org.postage.api.SmtpSession;
import org.postage.api.SubmissionListener;
import org.postage.application.submission.SubmissionService;

/**
 * The SMTP resource adapter's endpoint: translates each SMTP phase into a call of {@link SubmissionService}.
 * Bound to the adapter, with its listener settings, in META-INF/jboss-ejb3.xml.
 */
@MessageDriven(name = "SubmissionEndpoint", messageListenerInterface = SubmissionListener.class)
public class SubmissionEndpoint implements SubmissionListener {

    @Inject
    SubmissionService submissions;

    // Only DATA writes; the other phases read, and need no transaction of their own.
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuthResult authenticate(SmtpSession session, String username, String password) {
        return submissions.authenticate(session, username, password);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Reply mailFrom(SmtpSession session, String reversePath, long declaredSize) {
        return submissions.admitSender(session, reversePath);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Reply rcptTo(SmtpSession session, String reversePath, String recipient) {
        return submissions.admitRecipient(session, recipient);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Reply data(SmtpSession session, Envelope envelope, byte[] content) {
        return submissions.accept(session, envelope, content);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void transactionAbandoned(SmtpSession session) {
        submissions.abandon(session);
    }
}
