package org.postage.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** An SMTP conversation line by line, for what a well-behaved client library would never send. */
final class RawSmtp implements AutoCloseable {

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private final String greeting;

    RawSmtp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        streams();
        greeting = reply();
    }

    /** The server's 220 line. */
    String greeting() {
        return greeting;
    }

    /** EHLO, STARTTLS, EHLO and AUTH PLAIN; answers the AUTH reply. */
    static RawSmtp authenticated(int port, AdminClient.Credential c) throws Exception {
        RawSmtp s = new RawSmtp(port);
        s.command("EHLO client.test");
        s.startTls();
        s.command("EHLO client.test");
        String auth = Base64.getEncoder()
                .encodeToString(("\0" + c.username() + "\0" + c.password()).getBytes(StandardCharsets.UTF_8));
        String reply = s.command("AUTH PLAIN " + auth);
        if (!reply.startsWith("235")) {
            throw new AssertionError("AUTH failed: " + reply);
        }
        return s;
    }

    void startTls() throws Exception {
        String reply = command("STARTTLS");
        if (!reply.startsWith("220")) {
            throw new AssertionError("STARTTLS refused: " + reply);
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
        ssl.setUseClientMode(true);
        ssl.startHandshake();
        socket = ssl;
        streams();
    }

    /** Sends one line and answers the whole reply (the last line of a multi-line reply carries the code). */
    String command(String line) throws IOException {
        write(line + "\r\n");
        return reply();
    }

    void write(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    String reply() throws IOException {
        StringBuilder all = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed; read so far: " + all);
            }
            all.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return all.toString().trim();
    }

    private void streams() throws IOException {
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
