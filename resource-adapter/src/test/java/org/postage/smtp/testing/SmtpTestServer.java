package org.postage.smtp.testing;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postage.smtp.server.AuthFailureThrottle;
import org.postage.smtp.server.DirectInvoker;
import org.postage.smtp.server.ServerTls;
import org.postage.smtp.server.SmtpSettings;
import org.postage.smtp.server.SmtpThreadPool;
import org.postage.smtp.server.SubmissionServerFactory;
import org.postage.smtp.server.SubmissionServerFactory.TlsMode;
import org.postage.smtp.server.TlsPolicy;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A fresh Postage SMTP server on 127.0.0.1 and a free port for each test, with a {@link RecordingListener} behind a
 * {@link DirectInvoker}. Register with {@code @RegisterExtension}.
 */
public final class SmtpTestServer implements BeforeEachCallback, AfterEachCallback {

    public static final String HOST_NAME = "mx.test.example";
    public static final int MAX_MESSAGE_SIZE = 256 * 1024;

    private int maxConnections = 50;
    private Duration idleTimeout = Duration.ofSeconds(20);
    private int maxRecipients = 100;
    private Duration stopGrace = Duration.ofSeconds(2);
    private TlsMode mode = TlsMode.STARTTLS;
    private ServerTls tls;

    private RecordingListener listener;
    private SMTPServer server;

    public SmtpTestServer maxConnections(int value) {
        maxConnections = value;
        return this;
    }

    public SmtpTestServer idleTimeout(Duration value) {
        idleTimeout = value;
        return this;
    }

    public SmtpTestServer stopGrace(Duration value) {
        stopGrace = value;
        return this;
    }

    /** Another TLS policy than Postage's default. */
    public SmtpTestServer tls(TlsPolicy policy) {
        tls = new ServerTls(TestTls.serverContext(), policy);
        return this;
    }

    /** The implicit-TLS listener (RFC 8314) instead of the submission port's STARTTLS. */
    public SmtpTestServer implicitTls() {
        mode = TlsMode.IMPLICIT;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        listener = new RecordingListener();
        SmtpSettings settings = new SmtpSettings(
                "127.0.0.1", 0, HOST_NAME, maxConnections, idleTimeout, maxRecipients, MAX_MESSAGE_SIZE);
        server = SubmissionServerFactory.create(
                settings,
                mode,
                tls != null ? tls : TestTls.server(),
                new DirectInvoker(listener),
                SmtpThreadPool.create(maxConnections, getClass().getClassLoader(), stopGrace),
                AuthFailureThrottle.standard());
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public int port() {
        return server.getPortAllocated();
    }

    public RecordingListener listener() {
        return listener;
    }

    public boolean isImplicitTls() {
        return mode == TlsMode.IMPLICIT;
    }

    /** Connected and greeted: in plain text, or on the implicit-TLS listener after the handshake. */
    public RawSmtpClient connect() throws IOException {
        return mode == TlsMode.IMPLICIT ? RawSmtpClient.connectTls(port()) : RawSmtpClient.connect(port());
    }

    /** Connected, in TLS (after STARTTLS and EHLO again), authenticated as {@link RecordingListener#USERNAME}. */
    public RawSmtpClient connectAuthenticated() throws IOException {
        RawSmtpClient client = connect();
        client.command("EHLO client.example");
        if (mode == TlsMode.STARTTLS) {
            client.startTls();
            client.command("EHLO client.example");
        }
        client.expect(
                "235 2.7.0",
                client.command(
                        "AUTH PLAIN " + RawSmtpClient.plain(RecordingListener.USERNAME, RecordingListener.PASSWORD)));
        return client;
    }
}
