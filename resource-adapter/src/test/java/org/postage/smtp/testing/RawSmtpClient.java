package org.postage.smtp.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP client at the level of bytes and reply lines, so tests can send exactly what they mean: pipelined
 * commands, bare line endings, NUL bytes, disconnects.
 */
public final class RawSmtpClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final String greeting;

    private RawSmtpClient(Socket socket) throws IOException {
        use(socket);
        this.greeting = readReply();
    }

    public static RawSmtpClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        return new RawSmtpClient(socket);
    }

    /** Connects with TLS from the first byte (implicit TLS), trusting any certificate, and reads the greeting. */
    public static RawSmtpClient connectTls(int port) throws IOException {
        return connectTls(port, null, null);
    }

    /** As {@link #connectTls(int)}, the client offering only these protocols and suites (null: the JDK's). */
    public static RawSmtpClient connectTls(int port, String[] protocols, String[] suites) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        plain.setSoTimeout(5000);
        try {
            return new RawSmtpClient(clientTls(plain, protocols, suites));
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    /** Base64 of a SASL PLAIN message without authzid. */
    public static String plain(String username, String password) {
        return base64("\0" + username + "\0" + password);
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public String greeting() {
        return greeting;
    }

    /** Sends one command line and returns the whole reply. */
    public String command(String line) throws IOException {
        write(line + "\r\n");
        return readReply();
    }

    /** Sends text as ISO-8859-1 bytes, exactly as given. */
    public void write(String raw) throws IOException {
        write(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void write(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Reads one reply; a multi-line reply comes back with its lines joined by "\n". */
    public String readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return String.join("\n", lines);
    }

    /** True if the server closes the connection within the socket timeout without sending anything more. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** STARTTLS, then the TLS handshake with a client that trusts any certificate. */
    public void startTls() throws IOException {
        expect("220 2.0.0", command("STARTTLS"));
        handshake();
    }

    /** STARTTLS, then the TLS handshake offering only these protocols and suites (null: the JDK's). */
    public void startTls(String[] protocols, String[] suites) throws IOException {
        expect("220 2.0.0", command("STARTTLS"));
        use(clientTls(socket, protocols, suites));
    }

    /** The TLS handshake alone, for tests that sent STARTTLS themselves. */
    public void handshake() throws IOException {
        use(clientTls(socket, null, null));
    }

    /** The TLS session; only after STARTTLS or on an implicit-TLS connection. */
    public SSLSession tlsSession() {
        return ((SSLSocket) socket).getSession();
    }

    private static SSLSocket clientTls(Socket plain, String[] protocols, String[] suites) throws IOException {
        SSLSocket tls = (SSLSocket) TestTls.trustingClient().createSocket(plain, "localhost", plain.getPort(), true);
        tls.setUseClientMode(true);
        if (protocols != null) {
            tls.setEnabledProtocols(protocols);
        }
        if (suites != null) {
            tls.setEnabledCipherSuites(suites);
        }
        tls.startHandshake();
        return tls;
    }

    public void expect(String prefix, String reply) {
        if (!reply.startsWith(prefix)) {
            throw new AssertionError("expected a reply starting with <" + prefix + "> but got <" + reply + ">");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void use(Socket newSocket) throws IOException {
        socket = newSocket;
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(
                        "connection closed; partial line: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }
}
