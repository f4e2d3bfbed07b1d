package org.postage.smtp.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.postage.smtp.server.command.CommandContext;
import org.postage.smtp.server.command.MailTransaction;
import org.postage.smtp.server.command.PostageCommands;
import org.postage.smtp.server.wire.TranslatingServerSocket;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionIdFactory;
import org.subethamail.smtp.server.TimeBasedSessionIdFactory;

/**
 * Builds one subethasmtp {@link SMTPServer} speaking Postage's SMTP, on the submission port or the implicit-TLS port.
 * A stopped SMTPServer cannot be started again, so every activation builds new ones here.
 */
public final class SubmissionServerFactory {

    static final String SOFTWARE_NAME = "Postage";

    /**
     * One for every listener: SmtpSession promises an id unique per connection, and subethasmtp's factory is unique
     * only by itself, so two ports could otherwise hand out the same id in the same millisecond.
     */
    private static final SessionIdFactory SESSION_IDS = new TimeBasedSessionIdFactory();

    private SubmissionServerFactory() {}

    /** How a listener's sessions come to TLS. */
    public enum TlsMode {
        /** The submission port (RFC 6409): plain text until the client's STARTTLS (RFC 3207). */
        STARTTLS,
        /** The submissions port (RFC 8314): TLS from the first byte, greeting after the handshake. */
        IMPLICIT
    }

    /**
     * @param executor runs one task per connection; the server shuts it down when it stops
     * @param throttle shared by the listeners of one activation, so a second port buys no extra password guesses
     */
    public static SMTPServer create(
            SmtpSettings settings,
            TlsMode mode,
            ServerTls tls,
            ListenerInvoker invoker,
            ExecutorService executor,
            AuthFailureThrottle throttle) {
        ListenerInvoker failSafe = new FailSafeInvoker(invoker);
        SMTPServer.Builder builder = SMTPServer.port(settings.port())
                .bindAddress(resolve(settings.bindAddress()))
                .hostName(settings.hostName())
                .softwareName(SOFTWARE_NAME)
                .maxConnections(settings.maxConnections())
                .connectionTimeoutMs((int) settings.idleTimeout().toMillis())
                .maxRecipients(settings.maxRecipients())
                .maxMessageSize(settings.maxMessageSize())
                // Informational only: Postage's commands enforce TLS before AUTH and AUTH before MAIL themselves.
                .requireTLS(true)
                .requireAuth(true)
                .authenticationHandlerFactory(MECHANISMS)
                .messageHandlerFactory(context -> new MailTransaction((Session) context, failSafe))
                .insertReceivedHeaders(false)
                .executorService(executor)
                .sessionIdFactory(SESSION_IDS)
                // STARTTLS on the implicit-TLS port is answered "TLS already active" and never gets here.
                .startTlsSocketFactory(tls::layerOver)
                .serverThreadName("postage-smtp-accept-" + settings.bindAddress() + ":" + settings.port());
        if (mode == TlsMode.IMPLICIT) {
            builder.serverSocketFactory(() -> new TranslatingServerSocket(tls::layerOver))
                    .sessionHandler(new ImplicitTlsHandshake());
        } else {
            builder.serverSocketFactory(TranslatingServerSocket::new);
        }
        SMTPServer server = builder.build();
        PostageCommands.install(server.getCommandHandler(), new CommandContext(settings, failSafe, throttle));
        return server;
    }

    private static InetAddress resolve(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Cannot resolve the SMTP bind address " + bindAddress, e);
        }
    }

    /**
     * subethasmtp insists on a factory when requireAuth is set; Postage's AUTH command does the work, so this one
     * only names the mechanisms.
     */
    private static final AuthenticationHandlerFactory MECHANISMS = new AuthenticationHandlerFactory() {
        @Override
        public List<String> getAuthenticationMechanisms() {
            return List.of("PLAIN", "LOGIN");
        }

        @Override
        public AuthenticationHandler create() {
            throw new UnsupportedOperationException("AUTH is handled by Postage's AuthCommand");
        }
    };
}
