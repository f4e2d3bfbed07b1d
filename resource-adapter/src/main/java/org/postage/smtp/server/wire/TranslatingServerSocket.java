package org.postage.smtp.server.wire;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SSLSocketCreator;

/**
 * The listening socket: every accepted connection is wrapped in a {@link TranslatingSocket}, on the implicit-TLS
 * port with TLS layered underneath first (RFC 8314: TLS from the first byte).
 */
public final class TranslatingServerSocket extends ServerSocket {

    private static final Logger log = LoggerFactory.getLogger(TranslatingServerSocket.class);

    private final SSLSocketCreator implicitTls;

    /** Unbound: subethasmtp binds it to the configured address and port. */
    public TranslatingServerSocket() throws IOException {
        this(null);
    }

    /**
     * @param implicitTls layers TLS over each accepted socket (without handshaking: that runs in the session's
     *                    thread, never in the accept loop); null for plain connections
     */
    public TranslatingServerSocket(SSLSocketCreator implicitTls) throws IOException {
        super();
        this.implicitTls = implicitTls;
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            Socket plain = super.accept();
            if (implicitTls == null) {
                return new TranslatingSocket(plain);
            }
            try {
                return new TranslatingSocket(implicitTls.createSSLSocket(plain));
            } catch (IOException e) {
                // A client already gone: an exception here would make subethasmtp's accept loop pause a second.
                log.debug("Dropping a connection before TLS: {}", e.toString());
                plain.close();
            }
        }
    }
}
