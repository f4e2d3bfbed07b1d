package org.postage.smtp.ra.inflow;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Method;
import java.util.function.Function;
import org.postage.api.AuthResult;
import org.postage.api.Envelope;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.api.SmtpSession;
import org.postage.api.SubmissionListener;
import org.postage.smtp.server.Causes;
import org.postage.smtp.server.ListenerInvoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each SMTP phase to the application through a fresh message endpoint: create, beforeDelivery, call,
 * afterDelivery, release.
 *
 * <p>A returned call is not a commit: the bean may have called {@code setRollbackOnly()}, or the commit in
 * {@code afterDelivery} may fail. So {@code data} registers an interposed synchronization right after
 * {@code beforeDelivery} and answers the listener's 2xx only if that synchronization saw
 * {@code STATUS_COMMITTED}; otherwise {@link SmtpReplies#NOT_STORED}, and the client retries.
 */
public final class EndpointListenerInvoker implements ListenerInvoker {

    private static final Logger log = LoggerFactory.getLogger(EndpointListenerInvoker.class);

    // Looked up once: beforeDelivery needs the Method, and reflection per message is waste.
    static final Method AUTHENTICATE = listenerMethod("authenticate", SmtpSession.class, String.class, String.class);
    static final Method MAIL_FROM = listenerMethod("mailFrom", SmtpSession.class, String.class, long.class);
    static final Method RCPT_TO = listenerMethod("rcptTo", SmtpSession.class, String.class, String.class);
    static final Method DATA = listenerMethod("data", SmtpSession.class, Envelope.class, byte[].class);
    static final Method TRANSACTION_ABANDONED = listenerMethod("transactionAbandoned", SmtpSession.class);

    private final MessageEndpointFactory factory;
    private final TransactionSynchronizationRegistry transactions;

    public EndpointListenerInvoker(MessageEndpointFactory factory, TransactionSynchronizationRegistry transactions) {
        this.factory = factory;
        this.transactions = transactions;
    }

    @Override
    public AuthResult authenticate(SmtpSession session, String username, String password) {
        return deliver(
                AUTHENTICATE,
                session,
                listener -> listener.authenticate(session, username, password),
                AuthResult.rejected(SmtpReplies.LOCAL_ERROR));
    }

    @Override
    public Reply mailFrom(SmtpSession session, String reversePath, long declaredSize) {
        return deliver(
                MAIL_FROM,
                session,
                listener -> listener.mailFrom(session, reversePath, declaredSize),
                SmtpReplies.LOCAL_ERROR);
    }

    @Override
    public Reply rcptTo(SmtpSession session, String reversePath, String recipient) {
        return deliver(
                RCPT_TO,
                session,
                listener -> listener.rcptTo(session, reversePath, recipient),
                SmtpReplies.LOCAL_ERROR);
    }

    @Override
    public Reply data(SmtpSession session, Envelope envelope, byte[] content) {
        CommitWatch commit = new CommitWatch();
        Reply reply = deliver(
                DATA,
                session,
                listener -> {
                    commit.register(transactions);
                    return listener.data(session, envelope, content);
                },
                SmtpReplies.LOCAL_ERROR);
        if (reply == null || !reply.isPositive()) {
            return reply;
        }
        if (!commit.committed()) {
            log.warn(
                    "SMTP session {}: data() answered {} but its transaction ended with status {}; answering 451",
                    session.sessionId(),
                    reply.code(),
                    commit.status());
            return SmtpReplies.NOT_STORED;
        }
        return reply;
    }

    @Override
    public void transactionAbandoned(SmtpSession session) {
        deliver(
                TRANSACTION_ABANDONED,
                session,
                listener -> {
                    listener.transactionAbandoned(session);
                    return Boolean.TRUE;
                },
                Boolean.FALSE);
    }

    private <T> T deliver(Method method, SmtpSession session, Function<SubmissionListener, T> call, T failure) {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (Exception e) {
            logFailure(method, session, e);
            return failure;
        }
        try {
            endpoint.beforeDelivery(method);
            try {
                return call.apply((SubmissionListener) endpoint);
            } finally {
                endpoint.afterDelivery();
            }
        } catch (Exception e) {
            logFailure(method, session, e);
            return failure;
        } finally {
            release(endpoint, session);
        }
    }

    private static void release(MessageEndpoint endpoint, SmtpSession session) {
        try {
            endpoint.release();
        } catch (RuntimeException e) {
            log.warn("SMTP session {}: releasing the endpoint failed: {}", session.sessionId(), Causes.describe(e));
        }
    }

    private static void logFailure(Method method, SmtpSession session, Exception e) {
        log.warn(
                "SMTP session {}: {}() failed; {}: {}",
                session.sessionId(),
                method.getName(),
                method.equals(TRANSACTION_ABANDONED) ? "the application was not told" : "answering 451",
                Causes.describe(e));
    }

    private static Method listenerMethod(String name, Class<?>... parameterTypes) {
        try {
            return SubmissionListener.class.getMethod(name, parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Records how the delivery's transaction ended. */
    private static final class CommitWatch implements Synchronization {

        private static final int UNKNOWN = -1;
        private volatile int status = UNKNOWN;

        void register(TransactionSynchronizationRegistry registry) {
            if (registry == null) {
                throw new IllegalStateException("the container provides no TransactionSynchronizationRegistry");
            }
            try {
                registry.registerInterposedSynchronization(this);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(
                        "data() is not running in a transaction: the SMTP MDB must use "
                                + "container-managed transactions with REQUIRED",
                        e);
            }
        }

        boolean committed() {
            return status == Status.STATUS_COMMITTED;
        }

        String status() {
            return switch (status) {
                case UNKNOWN -> "none (the transaction never completed)";
                case Status.STATUS_ROLLEDBACK -> "ROLLEDBACK";
                case Status.STATUS_UNKNOWN -> "UNKNOWN";
                default -> "javax.transaction.Status " + status;
            };
        }

        @Override
        public void beforeCompletion() {
            // Only the outcome matters.
        }

        @Override
        public void afterCompletion(int completionStatus) {
            this.status = completionStatus;
        }
    }
}
