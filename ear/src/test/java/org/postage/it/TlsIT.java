package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Implicit TLS on the second port (RFC 8314) and the TLS profile of both listeners, as real clients see them: Angus
 * Mail and {@code openssl s_client} on the implicit-TLS port, JSSE clients with chosen protocols and cipher suites,
 * and openssl offering TLS 1.1 (which the test JVM's own JSSE refuses to offer).
 */
class TlsIT {

    /** CBC suites a JSSE client still offers by default: an old client that knows nothing better. */
    private static final String[] CBC_ONLY = {
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
        "TLS_RSA_WITH_AES_256_CBC_SHA256",
        "TLS_RSA_WITH_AES_128_CBC_SHA"
    };

    private static SinkServer sink;
    private static PostageServer server;
    private static AdminClient.Credential sender;

    @BeforeAll
    static void start() {
        sink = new SinkServer(FreePorts.next()).start();
        server = new PostageServer("tls", sink.port()).start();
        AdminClient admin = server.admin();
        sender = admin.issueCredential(admin.accountSendingAs("TLS shop", "shop@example.com"));
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server, sink);
    }

    @Test
    void angusMailWithSslEnableSubmitsWithAuthOverImplicitTlsAndTheMessageIsDelivered() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(server.smtpsPort()));
        p.setProperty("mail.smtp.auth", "true");
        p.setProperty("mail.smtp.ssl.enable", "true"); // TLS from the first byte, no STARTTLS
        p.setProperty("mail.smtp.ssl.trust", "*");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "60000");
        Session session = Session.getInstance(p);
        String marker = UUID.randomUUID().toString();
        MimeMessage m = new MimeMessage(session);
        m.setFrom("shop@example.com");
        m.setRecipients(RecipientType.TO, "alice@example.net");
        m.setSubject("Implicit TLS " + marker);
        m.setText("<p>Sent over port 465 style TLS " + marker + "</p>", "UTF-8", "html");

        String reply;
        try (Transport t = session.getTransport("smtp")) {
            t.connect(sender.username(), sender.password());
            t.sendMessage(m, m.getAllRecipients());
            reply = ((SMTPTransport) t).getLastServerResponse().trim();
        }

        assertTrue(reply.startsWith("250 2.0.0"), reply);
        SinkServer.Delivery d = Eventually.await(
                        "the message at the sink",
                        Duration.ofSeconds(30),
                        () -> sink.containing(marker),
                        l -> !l.isEmpty())
                .get(0);
        assertEquals(List.of("alice@example.net"), d.recipients());
        assertTrue(d.text().contains("with ESMTPSA id " + Smtp.queueId(reply)), "submitted over TLS with AUTH");
    }

    @Test
    void opensslSeesTheGreetingAfterTheHandshakeAndNoStartTlsOnTheImplicitTlsPort() throws Exception {
        Result r = openssl(
                "EHLO client.test\nQUIT\n",
                "-connect",
                "127.0.0.1:" + server.smtpsPort(),
                "-crlf",
                "-ign_eof",
                "-brief");

        assertTrue(r.output().contains("Protocol version: TLSv1.3"), r.output());
        List<String> lines = r.output().lines().toList();
        int greeting = indexOfPrefix(lines, "220 ");
        assertTrue(greeting >= 0, "a greeting: " + r.output());
        assertTrue(lines.get(greeting).startsWith("220 postage.test ESMTP"), lines.get(greeting));
        assertTrue(lines.indexOf("CONNECTION ESTABLISHED") < greeting, "the greeting comes after the handshake");
        List<String> ehlo = lines.stream().filter(l -> l.startsWith("250")).toList();
        assertTrue(ehlo.contains("250 AUTH PLAIN LOGIN"), "AUTH is offered at once: " + ehlo);
        assertFalse(ehlo.stream().anyMatch(l -> l.contains("STARTTLS")), "the session is TLS already: " + ehlo);
        assertTrue(r.output().contains("221 2.0.0"), r.output());
    }

    @Test
    void aModernClientNegotiatesTls13OnBothPorts() throws Exception {
        try (SSLSocket submission = handshake(server.smtpPort(), true, null, null);
                SSLSocket implicit = handshake(server.smtpsPort(), false, null, null)) {
            assertEquals("TLSv1.3", submission.getSession().getProtocol());
            assertEquals("TLSv1.3", implicit.getSession().getProtocol());
        }
    }

    @Test
    void aClientOfferingOnlyCbcSuitesIsRefusedOnBothPorts() throws Exception {
        for (boolean startTls : new boolean[] {true, false}) {
            int port = startTls ? server.smtpPort() : server.smtpsPort();
            SSLException e = assertThrows(
                    SSLException.class,
                    () -> handshake(port, startTls, new String[] {"TLSv1.2"}, CBC_ONLY)
                            .close(),
                    "port " + port);
            assertTrue(e.getMessage().contains("handshake_failure"), e.toString());
        }
        // The same client with one AEAD suite added is let in: it is the suites that were refused.
        String[] withGcm = List.of(CBC_ONLY).toArray(new String[CBC_ONLY.length + 1]);
        withGcm[CBC_ONLY.length] = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
        try (SSLSocket tls = handshake(server.smtpsPort(), false, new String[] {"TLSv1.2"}, withGcm)) {
            assertEquals(
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", tls.getSession().getCipherSuite());
        }
    }

    @Test
    void aClientOfferingOnlyTls11IsRefusedOnBothPorts() throws Exception {
        // SECLEVEL=0 lets this openssl offer TLS 1.1 at all; the control with -tls1_2 shows that it connects.
        List<List<String>> ways = List.of(
                List.of("-connect", "127.0.0.1:" + server.smtpsPort()),
                List.of("-connect", "127.0.0.1:" + server.smtpPort(), "-starttls", "smtp"));
        for (List<String> way : ways) {
            Result tls11 = openssl("", concat(way, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-ign_eof", "-brief"));
            assertNotEquals(0, tls11.exitCode(), tls11.output());
            assertTrue(tls11.output().contains("alert protocol version"), "the server refuses: " + tls11.output());

            Result tls12 = openssl(
                    "QUIT\n", concat(way, "-tls1_2", "-cipher", "DEFAULT@SECLEVEL=0", "-crlf", "-ign_eof", "-brief"));
            assertTrue(tls12.output().contains("Protocol version: TLSv1.2"), tls12.output());
        }
    }

    @Test
    void aClientInitiatedRenegotiationEndsTheConnectionOnBothPorts() throws Exception {
        for (boolean startTls : new boolean[] {true, false}) {
            int port = startTls ? server.smtpPort() : server.smtpsPort();
            try (SSLSocket tls = handshake(port, startTls, new String[] {"TLSv1.2"}, null)) {
                BufferedReader in = reader(tls);
                if (!startTls) {
                    assertTrue(in.readLine().startsWith("220 "), "greeting");
                }
                String answer;
                try {
                    tls.startHandshake(); // TLS 1.2: a new ClientHello on the established connection
                    write(tls, "NOOP\r\n");
                    answer = in.readLine();
                } catch (IOException refused) {
                    answer = refused.toString();
                }
                assertFalse(answer != null && answer.startsWith("250"), "port " + port + " answered " + answer);
            }
        }
        String log = Files.readString(server.log(), StandardCharsets.ISO_8859_1);
        assertFalse(log.contains("Exception during SMTP transaction"), "a refusal, not a warning with a stack trace");
    }

    @Test
    void anUnknownProtocolOrCipherSuiteFailsTheDeploymentWithOneClearLine() throws Exception {
        PostageServer bad = new PostageServer("tls-bogus", FreePorts.next())
                .with("POSTAGE_SMTP_TLS_PROTOCOLS", "TLSv1.3,TLSv1.4")
                .with("POSTAGE_SMTP_TLS_CIPHER_SUITES", "TLS_AES_128_GCM_SHA256,TLS_NOT_A_SUITE");
        try {
            assertThrows(IllegalStateException.class, bad::start);
            List<String> errors = Files.readAllLines(bad.log(), StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> l.contains(" ERROR ") && l.contains("[org.postage."))
                    .toList();
            assertFalse(errors.isEmpty(), "an ERROR from Postage: " + bad.tail());
            String first = errors.get(0);
            assertTrue(first.contains("POSTAGE_SMTP_TLS_PROTOCOLS") && first.contains("'TLSv1.4'"), first);
            assertTrue(first.contains("POSTAGE_SMTP_TLS_CIPHER_SUITES") && first.contains("'TLS_NOT_A_SUITE'"), first);
            assertFalse(bad.smtpAnswers(), "no SMTP listener");
        } finally {
            bad.stop();
        }
    }

    private record Result(int exitCode, String output) {}

    /** Runs openssl s_client with this standard input; stdout and stderr together. */
    private static Result openssl(String input, String... arguments) throws Exception {
        return openssl(input, List.of(arguments));
    }

    private static Result openssl(String input, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.US_ASCII));
        }
        // openssl leaves on EOF of its input (or, with QUIT, when the server closes): the output is complete then.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl did not finish: " + output);
        }
        return new Result(process.exitValue(), output.replace("\r", ""));
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A TLS connection to the submission port (after EHLO and STARTTLS) or the implicit-TLS port, with these client
     * protocols and suites (null: the JDK's defaults), handshake done.
     */
    private static SSLSocket handshake(int port, boolean startTls, String[] protocols, String[] suites)
            throws Exception {
        Socket plain = new Socket("127.0.0.1", port);
        plain.setSoTimeout(30_000);
        try {
            if (startTls) {
                BufferedReader in = reader(plain);
                expect("220 ", in.readLine());
                write(plain, "EHLO client.test\r\n");
                String line;
                do {
                    line = in.readLine();
                } while (line.startsWith("250-"));
                write(plain, "STARTTLS\r\n");
                expect("220 ", in.readLine());
            }
            SSLSocket tls = (SSLSocket) trustingClient().createSocket(plain, "127.0.0.1", port, true);
            tls.setUseClientMode(true);
            if (protocols != null) {
                tls.setEnabledProtocols(protocols);
            }
            if (suites != null) {
                tls.setEnabledCipherSuites(suites);
            }
            tls.startHandshake();
            return tls;
        } catch (Exception e) {
            plain.close();
            throw e;
        }
    }

    private static void expect(String prefix, String line) {
        if (line == null || !line.startsWith(prefix)) {
            throw new AssertionError("expected <" + prefix + "...> but got <" + line + ">");
        }
    }

    // Each reader serves one phase: the server sends nothing past its last line until the client moves on.
    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII), 1);
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static javax.net.ssl.SSLSocketFactory trustingClient() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        return context.getSocketFactory();
    }
}
