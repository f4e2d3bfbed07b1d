package org.postage.smtp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postage.smtp.server.TlsPolicy;
import org.postage.smtp.testing.RawSmtpClient;
import org.postage.smtp.testing.SmtpTestServer;

/** Both listeners offer Mozilla's intermediate profile, in the server's order, to real JSSE clients. */
class TlsProfileTest {

    private static final String[] CBC_ONLY = {
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA256"
    };

    @RegisterExtension
    final SmtpTestServer submission = new SmtpTestServer();

    @RegisterExtension
    final SmtpTestServer implicit = new SmtpTestServer().implicitTls();

    @RegisterExtension
    final SmtpTestServer tls12Only =
            new SmtpTestServer().tls(policy("TLSv1.2", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));

    @Test
    void aModernClientGetsTls13WithTheServersFirstSuiteOnBothListeners() throws Exception {
        for (SmtpTestServer server : List.of(submission, implicit)) {
            SSLSession session = handshake(server, null, null);
            assertEquals("TLSv1.3", session.getProtocol());
            assertEquals("TLS_AES_128_GCM_SHA256", session.getCipherSuite());
        }
    }

    @Test
    void aClientOfferingOnlyCbcSuitesIsRefusedOnBothListeners() {
        for (SmtpTestServer server : List.of(submission, implicit)) {
            SSLHandshakeException e = assertThrows(
                    SSLHandshakeException.class, () -> handshake(server, new String[] {"TLSv1.2"}, CBC_ONLY));
            assertTrue(e.getMessage().contains("handshake_failure"), e.getMessage());
        }
    }

    @Test
    void theServersOrderOfSuitesWinsOverTheClients() throws Exception {
        String[] clientOrder = {
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
        };
        for (SmtpTestServer server : List.of(submission, implicit)) {
            SSLSession session = handshake(server, new String[] {"TLSv1.2"}, clientOrder);
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", session.getCipherSuite());
        }
    }

    @Test
    void anOperatorsPolicyReplacesTheDefault() throws Exception {
        SSLSession session = handshake(tls12Only, null, null);
        assertEquals("TLSv1.2", session.getProtocol());
        assertEquals("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", session.getCipherSuite());

        assertThrows(SSLHandshakeException.class, () -> handshake(tls12Only, new String[] {"TLSv1.3"}, null));
    }

    /** STARTTLS or implicit TLS as the listener has it; null protocols or suites for the JDK client's defaults. */
    private static SSLSession handshake(SmtpTestServer server, String[] protocols, String[] suites) throws IOException {
        if (server.isImplicitTls()) {
            try (RawSmtpClient client = RawSmtpClient.connectTls(server.port(), protocols, suites)) {
                client.expect("220 ", client.greeting());
                return client.tlsSession();
            }
        }
        try (RawSmtpClient client = server.connect()) {
            client.command("EHLO client.example");
            client.startTls(protocols, suites);
            client.expect("250", client.command("NOOP"));
            return client.tlsSession();
        }
    }

    private static TlsPolicy policy(String protocols, String suites) {
        try {
            return TlsPolicy.of(
                    protocols, suites, SSLContext.getDefault().getSupportedSSLParameters(), "protocols", "suites");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
