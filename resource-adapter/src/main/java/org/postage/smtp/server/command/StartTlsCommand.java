package org.postage.smtp.server.command;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.postage.api.SmtpReplies;
import org.postage.smtp.server.Causes;
import org.postage.smtp.server.wire.TranslatingSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;

/**
 * STARTTLS (RFC 3207), the same switch subethasmtp makes: TLS is layered on the plain socket and the session gets
 * fresh streams, so anything the client pipelined in clear text after STARTTLS is discarded with the old buffer.
 * The session then forgets EHLO and any transaction, as the RFC requires.
 */
final class StartTlsCommand extends SmtpCommand {

    private static final Logger log = LoggerFactory.getLogger(StartTlsCommand.class);

    StartTlsCommand() {
        super("STARTTLS");
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        if (!arguments.isEmpty()) {
            reply(session, SmtpReplies.SYNTAX_ERROR);
            return;
        }
        if (session.isTLSStarted()) {
            reply(session, SmtpReplies.BAD_SEQUENCE_TLS_ACTIVE);
            return;
        }
        int pipelined = session.getRawInput().available();
        if (pipelined > 0) {
            log.debug(
                    "SMTP session {}: discarding {} bytes sent in clear text after STARTTLS",
                    session.getSessionId(),
                    pipelined);
        }
        reply(session, SmtpReplies.READY_FOR_TLS);
        Socket plain = TranslatingSocket.unwrap(session.getSocket());
        SSLSocket tls;
        try {
            tls = session.getServer().createSSLSocket(plain);
            tls.startHandshake();
        } catch (IOException e) {
            // Scanners and clients with no common cipher: one line at debug, and the connection is over.
            log.debug("SMTP session {}: TLS handshake failed: {}", session.getSessionId(), Causes.describe(e));
            session.quit();
            return;
        }
        session.setSocket(new TranslatingSocket(tls));
        session.resetSmtpProtocol();
        session.setTlsStarted(true);
    }
}
