package org.postage.smtp.server.command;

import java.net.InetAddress;
import org.postage.api.SmtpSession;
import org.subethamail.smtp.server.Session;

/** Reads Postage's view of a subethasmtp session. */
final class Sessions {

    private Sessions() {}

    static SmtpSession view(Session session) {
        return new SmtpSession(
                session.getSessionId(),
                clientAddress(session).getHostAddress(),
                session.getHelo().orElse(null),
                session.isTLSStarted(),
                principal(session));
    }

    static InetAddress clientAddress(Session session) {
        return session.getRemoteAddress().getAddress();
    }

    static boolean isAuthenticated(Session session) {
        return principal(session) != null;
    }

    /** The current transaction; only call when {@code session.isMailTransactionInProgress()}. */
    static MailTransaction transaction(Session session) {
        return (MailTransaction) session.getMessageHandler();
    }

    private static String principal(Session session) {
        return session.getAuthenticationHandler()
                .map(handler -> (String) handler.getIdentity())
                .orElse(null);
    }
}
