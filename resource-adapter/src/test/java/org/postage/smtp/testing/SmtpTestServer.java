package org.postage.smtp.testing;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postage.smtp.server.AuthFailureThrottle;
import org.postage.smtp.server.DirectInvoker;
import org.postage.smtp.server.SmtpSettings;
import org.postage.smtp.server.SmtpThreadPool;
import org.postage.smtp.server.SubmissionServerFactory;
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

    @Override
    public void beforeEach(ExtensionContext context) {
        listener = new RecordingListener();
        SmtpSettings settings = new SmtpSettings(
                "127.0.0.1", 0, HOST_NAME, maxConnections, idleTimeout, maxRecipients, MAX_MESSAGE_SIZE);
        server = SubmissionServerFactory.create(
                settings,
                TestTls.serverContext(),
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

    public RawSmtpClient connect() throws IOException {
        return RawSmtpClient.connect(port());
    }

    /** Connected, TLS started, EHLO'd again and authenticated as {@link RecordingListener#USERNAME}. */
    public RawSmtpClient connectAuthenticated() throws IOException {
        RawSmtpClient client = connect();
        client.command("EHLO client.example");
        client.startTls();
        client.command("EHLO client.example");
        client.expect(
                "235 2.7.0",
                client.command(
                        "AUTH PLAIN " + RawSmtpClient.plain(RecordingListener.USERNAME, RecordingListener.PASSWORD)));
        return client;
    }
}
