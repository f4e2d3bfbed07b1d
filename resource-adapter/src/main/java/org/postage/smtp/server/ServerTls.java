package org.postage.smtp.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The server side of TLS for both listeners: the key (in the context) and the {@link TlsPolicy}. STARTTLS and implicit
 * TLS both layer TLS on an accepted socket here, so they cannot differ in protocols or cipher suites.
 */
public final class ServerTls {

    private final SSLContext context;
    private final TlsPolicy policy;

    public ServerTls(SSLContext context, TlsPolicy policy) {
        this.context = Objects.requireNonNull(context, "context");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public TlsPolicy policy() {
        return policy;
    }

    /**
     * Server-mode TLS over a connected plain socket, closed with it. The handshake happens on first use, in the
     * session's thread. Unlike subethasmtp's default this does no reverse DNS lookup of the client.
     */
    public SSLSocket layerOver(Socket plain) throws IOException {
        InetSocketAddress remote = (InetSocketAddress) plain.getRemoteSocketAddress();
        SSLSocket secured = (SSLSocket)
                context.getSocketFactory().createSocket(plain, remote.getHostString(), plain.getPort(), true);
        secured.setUseClientMode(false);
        policy.applyTo(secured);
        return secured;
    }
}
