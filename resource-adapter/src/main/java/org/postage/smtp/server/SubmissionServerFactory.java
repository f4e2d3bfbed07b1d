package org.postage.smtp.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.postage.smtp.server.command.CommandContext;
import org.postage.smtp.server.command.MailTransaction;
import org.postage.smtp.server.command.PostageCommands;
import org.postage.smtp.server.wire.TranslatingServerSocket;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.SSLSocketCreator;
import org.subethamail.smtp.server.Session;

/**
 * Builds one subethasmtp {@link SMTPServer} speaking Postage's SMTP. A stopped SMTPServer cannot be started
 * again, so every activation builds a new one here.
 */
public final class SubmissionServerFactory {

    static final String SOFTWARE_NAME = "Postage";

    private SubmissionServerFactory() {}

    public static SMTPServer create(
            SmtpSettings settings, SSLContext tls, ListenerInvoker invoker, ExecutorService executor) {
        return create(settings, tls, invoker, executor, AuthFailureThrottle.standard());
    }

    /**
     * @param executor runs one task per connection; the server shuts it down when it stops
     */
    public static SMTPServer create(
            SmtpSettings settings,
            SSLContext tls,
            ListenerInvoker invoker,
            ExecutorService executor,
            AuthFailureThrottle throttle) {
        ListenerInvoker failSafe = new FailSafeInvoker(invoker);
        SMTPServer server = SMTPServer.port(settings.port())
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
                .serverSocketFactory(TranslatingServerSocket::new)
                .startTlsSocketFactory(startTls(tls))
                .serverThreadName("postage-smtp-accept-" + settings.bindAddress() + ":" + settings.port())
                .build();
        PostageCommands.install(server.getCommandHandler(), new CommandContext(settings, failSafe, throttle));
        return server;
    }

    /**
     * The TLS side of STARTTLS. Unlike subethasmtp's default it keeps the JDK's enabled protocols and cipher suites
     * (not every supported one, weak ones included) and does no reverse DNS lookup of the client.
     */
    private static SSLSocketCreator startTls(SSLContext tls) {
        return socket -> {
            InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
            SSLSocket secured = (SSLSocket)
                    tls.getSocketFactory().createSocket(socket, remote.getHostString(), socket.getPort(), true);
            secured.setUseClientMode(false);
            return secured;
        };
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
