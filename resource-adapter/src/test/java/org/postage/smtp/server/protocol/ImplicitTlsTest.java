package org.postage.smtp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postage.api.SmtpReplies;
import org.postage.smtp.testing.RawSmtpClient;
import org.postage.smtp.testing.RecordingListener;
import org.postage.smtp.testing.SmtpTestServer;

/** The implicit-TLS listener (RFC 8314): TLS from the first byte, then the same AUTH and submission as port 587. */
class ImplicitTlsTest {

    @RegisterExtension
    final SmtpTestServer server = new SmtpTestServer().implicitTls();

    @Test
    void theGreetingComesOverTlsAndEhloOffersAuthButNoStartTls() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            assertEquals("220 mx.test.example ESMTP Postage", client.greeting());
            assertEquals(
                    String.join(
                            "\n",
                            "250-mx.test.example",
                            "250-PIPELINING",
                            "250-SIZE " + SmtpTestServer.MAX_MESSAGE_SIZE,
                            "250-8BITMIME",
                            "250-ENHANCEDSTATUSCODES",
                            "250 AUTH PLAIN LOGIN"),
                    client.command("EHLO client.example"));
            assertEquals(SmtpReplies.BAD_SEQUENCE_TLS_ACTIVE.toString(), client.command("STARTTLS"));
        }
    }

    @Test
    void aMessageGoesThroughTheSameAuthAndSubmissionPathAsATlsSession() throws Exception {
        try (RawSmtpClient client = server.connectAuthenticated()) {
            client.expect("250 ", client.command("MAIL FROM:<app@example.com>"));
            client.expect("250 ", client.command("RCPT TO:<to@example.org>"));
            client.expect("354 ", client.command("DATA"));
            assertEquals("250 2.0.0 Ok: queued as Q1", client.command("Subject: over 465\r\n\r\nhello\r\n."));
        }
        RecordingListener.DataCall call = server.listener().awaitData();
        assertTrue(call.session().tls(), "the application sees a TLS session");
        assertEquals(RecordingListener.PRINCIPAL, call.session().principal());
        assertEquals(List.of("to@example.org"), call.envelope().recipients());
    }

    @Test
    void aClientSpeakingPlainTextGetsNoGreetingAndIsDisconnectedWhileTlsClientsStillGetIn() throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            plain.setSoTimeout(5000);
            plain.getOutputStream().write("EHLO client.example\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = plain.getInputStream().readNBytes(1000);
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            assertTrue(!text.contains("220") && !text.contains("250"), "no SMTP in clear text: " + text);
        }
        try (RawSmtpClient client = server.connect()) {
            assertEquals("220 mx.test.example ESMTP Postage", client.greeting());
        }
    }

    @Test
    void angusMailWithSslEnableSubmitsWithAuth() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(server.port()));
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.ssl.enable", "true");
        properties.put("mail.smtp.ssl.trust", "*");
        properties.put("mail.smtp.ssl.checkserveridentity", "false");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("app@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("to@example.org"));
        message.setSubject("Implicit TLS");
        message.setText("Sent with mail.smtp.ssl.enable.");

        Transport.send(message, RecordingListener.USERNAME, RecordingListener.PASSWORD);

        RecordingListener.DataCall call = server.listener().awaitData();
        assertTrue(call.text().contains("Subject: Implicit TLS\r\n"), call.text());
        assertTrue(call.session().tls());
        assertEquals(RecordingListener.PRINCIPAL, call.session().principal());
    }
}
