package org.postage.smtp.server;

import java.io.IOException;
import javax.net.ssl.SSLSocket;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.smtp.server.wire.TranslatingSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * On the implicit-TLS port, completes the handshake before the greeting and marks the session as TLS from the
 * start, so EHLO offers AUTH and no STARTTLS, and the application sees a TLS session. subethasmtp would only know
 * from the socket's class, which the reply-translating wrapper hides.
 */
final class ImplicitTlsHandshake implements SessionHandler {

    private static final Logger log = LoggerFactory.getLogger(ImplicitTlsHandshake.class);

    @Override
    public SessionAcceptance accept(Session session) {
        SSLSocket tls = (SSLSocket) TranslatingSocket.unwrap(session.getSocket());
        try {
            tls.startHandshake();
        } catch (IOException e) {
            // Scanners, plain-text clients and clients with no common protocol or cipher: one line at debug.
            log.debug("SMTP session {}: TLS handshake failed: {}", session.getSessionId(), Causes.describe(e));
            // Quitting first keeps subethasmtp from logging the refusal it cannot write as a warning.
            session.quit();
            // Nobody can read it over a failed handshake; subethasmtp needs a reply to refuse the session with.
            Reply refusal = SmtpReplies.TLS_NOT_AVAILABLE;
            return SessionAcceptance.failure(refusal.code(), refusal.status() + " " + refusal.text());
        }
        session.setTlsStarted(true);
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {}
}
