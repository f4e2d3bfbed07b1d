package org.postage.smtp.server.wire;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/** The listening socket: every accepted connection is wrapped in a {@link TranslatingSocket}. */
public final class TranslatingServerSocket extends ServerSocket {

    /** Unbound: subethasmtp binds it to the configured address and port. */
    public TranslatingServerSocket() throws IOException {
        super();
    }

    @Override
    public Socket accept() throws IOException {
        return new TranslatingSocket(super.accept());
    }
}
