package org.postage.smtp.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postage.api.SmtpReplies;
import org.postage.smtp.ra.inflow.FakeContainer;
import org.postage.smtp.ra.inflow.SmtpActivationSpec;
import org.postage.smtp.testing.RawSmtpClient;
import org.postage.smtp.testing.RecordingListener;
import org.postage.smtp.testing.TestTls;

/** The adapter in a fake container: activation opens the port, messages go through endpoints, deactivation closes. */
class PostageResourceAdapterTest {

    private final RecordingListener bean = new RecordingListener();
    private final FakeContainer container = new FakeContainer(bean);
    private final PostageResourceAdapter adapter = new PostageResourceAdapter();

    @BeforeEach
    void start() throws Exception {
        adapter.start(container.bootstrapContext());
    }

    @AfterEach
    void stop() {
        adapter.stop();
    }

    @Test
    void anActivatedEndpointReceivesMailThroughMessageEndpointsAndDeactivationClosesThePort() throws Exception {
        SmtpActivationSpec spec = spec(freePort());
        adapter.endpointActivation(container.endpointFactory(), spec);

        try (RawSmtpClient client = RawSmtpClient.connect(spec.getPort())) {
            assertEquals("220 mx.ra.example ESMTP Postage", client.greeting());
            client.command("EHLO client.example");
            client.startTls();
            client.command("EHLO client.example");
            client.command("AUTH PLAIN " + RawSmtpClient.plain(RecordingListener.USERNAME, RecordingListener.PASSWORD));
            client.command("MAIL FROM:<a@example.com>");
            client.command("RCPT TO:<b@example.com>");
            client.command("DATA");
            assertEquals("250 2.0.0 Ok: queued as Q1", client.command("Subject: via RA\r\n\r\nhello\r\n."));

            container.rollbackOnly = true;
            client.command("MAIL FROM:<a@example.com>");
            client.command("RCPT TO:<b@example.com>");
            client.command("DATA");
            assertEquals(
                    SmtpReplies.NOT_STORED.toString(),
                    client.command("Subject: lost\r\n\r\nhello\r\n."),
                    "a rolled-back message is never answered 250");
        }
        assertTrue(container.events.containsAll(
                List.of("before:authenticate", "before:mailFrom", "before:rcptTo", "before:data", "release")));

        adapter.endpointDeactivation(container.endpointFactory(), spec);
        assertThrows(
                ConnectException.class,
                () -> RawSmtpClient.connect(spec.getPort()).close());
    }

    @Test
    void theImplicitTlsPortDeliversToTheSameEndpointAndDeactivationClosesBothPorts() throws Exception {
        SmtpActivationSpec spec = spec(freePort());
        int implicitTlsPort = freePort();
        spec.setImplicitTlsPort(implicitTlsPort);
        adapter.endpointActivation(container.endpointFactory(), spec);

        try (RawSmtpClient client = RawSmtpClient.connectTls(implicitTlsPort)) {
            assertEquals("220 mx.ra.example ESMTP Postage", client.greeting());
            client.command("EHLO client.example");
            client.command("AUTH PLAIN " + RawSmtpClient.plain(RecordingListener.USERNAME, RecordingListener.PASSWORD));
            client.command("MAIL FROM:<a@example.com>");
            client.command("RCPT TO:<b@example.com>");
            client.command("DATA");
            assertEquals("250 2.0.0 Ok: queued as Q1", client.command("Subject: via 465\r\n\r\nhello\r\n."));
        }
        assertTrue(bean.awaitData().session().tls());
        RawSmtpClient.connect(spec.getPort()).close(); // the submission port listens beside it

        adapter.endpointDeactivation(container.endpointFactory(), spec);
        assertThrows(
                ConnectException.class,
                () -> RawSmtpClient.connect(spec.getPort()).close());
        assertThrows(
                ConnectException.class,
                () -> RawSmtpClient.connectTls(implicitTlsPort).close());
    }

    @Test
    void aTakenImplicitTlsPortFailsActivationNamingItsSettingAndLeavesNothingListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            SmtpActivationSpec spec = spec(freePort());
            spec.setImplicitTlsPort(taken.getLocalPort());

            ResourceException e = assertThrows(
                    ResourceException.class, () -> adapter.endpointActivation(container.endpointFactory(), spec));

            assertTrue(
                    e.getMessage().contains("SMTP with implicit TLS on 127.0.0.1:" + taken.getLocalPort()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("POSTAGE_SMTPS_PORT"), e.getMessage());
            assertThrows(
                    ConnectException.class,
                    () -> RawSmtpClient.connect(spec.getPort()).close());
        }
    }

    @Test
    void aTakenPortFailsActivationWithAMessageNamingTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ResourceException e = assertThrows(
                    ResourceException.class,
                    () -> adapter.endpointActivation(container.endpointFactory(), spec(taken.getLocalPort())));

            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("POSTAGE_SMTP_PORT"), e.getMessage());
        }
    }

    @Test
    void anEndpointWhoseDataIsNotTransactedFailsActivation() throws Exception {
        container.transacted = false;
        int port = freePort();

        ResourceException e = assertThrows(
                ResourceException.class, () -> adapter.endpointActivation(container.endpointFactory(), spec(port)));

        assertTrue(e.getMessage().contains("REQUIRED"), e.getMessage());
        assertThrows(ConnectException.class, () -> RawSmtpClient.connect(port).close());
    }

    @Test
    void anInvalidSpecFailsActivationBeforeAnythingStarts() {
        SmtpActivationSpec spec = new SmtpActivationSpec();
        assertThrows(
                InvalidPropertyException.class, () -> adapter.endpointActivation(container.endpointFactory(), spec));
    }

    @Test
    void aForeignActivationSpecIsRefused() {
        ActivationSpec foreign = new ActivationSpec() {
            @Override
            public void validate() {}

            @Override
            public jakarta.resource.spi.ResourceAdapter getResourceAdapter() {
                return null;
            }

            @Override
            public void setResourceAdapter(jakarta.resource.spi.ResourceAdapter ra) {}
        };
        assertThrows(
                NotSupportedException.class, () -> adapter.endpointActivation(container.endpointFactory(), foreign));
    }

    @Test
    void equalityIsIdentityAsJcaRequires() {
        PostageResourceAdapter other = new PostageResourceAdapter();

        assertEquals(adapter, adapter);
        assertNotEquals(adapter, other);
        assertEquals(System.identityHashCode(adapter), adapter.hashCode());
    }

    private static SmtpActivationSpec spec(int port) {
        SmtpActivationSpec spec = new SmtpActivationSpec();
        spec.setPort(port);
        spec.setHostName("mx.ra.example");
        spec.setMaxConnections(20);
        // Reuses the key the other tests generated: this also exercises "generate once, reuse later".
        spec.setDataDirectory(TestTls.keyDirectory().toString());
        return spec;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }
}
