package org.postage.smtp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postage.smtp.testing.RecordingListener;
import org.postage.smtp.testing.SmtpTestServer;

/** A real mail client, configured the way an application would submit: STARTTLS required, then AUTH. */
class AngusMailSubmissionTest {

    @RegisterExtension
    final SmtpTestServer server = new SmtpTestServer();

    @Test
    void aMessageWithToCcAndBccArrivesWithEveryEnvelopeRecipientAndNoBccHeader() throws Exception {
        Session session = mailSession();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("app@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("to@example.org"));
        message.setRecipient(Message.RecipientType.CC, new InternetAddress("cc@example.org"));
        message.setRecipient(Message.RecipientType.BCC, new InternetAddress("bcc@example.org"));
        message.setSubject("Your receipt");
        message.setText("Thank you.\n.\nA line with only a dot, above.");

        Transport.send(message, RecordingListener.USERNAME, RecordingListener.PASSWORD);

        RecordingListener.DataCall call = server.listener().awaitData();
        assertEquals("app@example.com", call.envelope().reversePath());
        assertEquals(
                List.of("to@example.org", "cc@example.org", "bcc@example.org"),
                call.envelope().recipients());
        assertTrue(call.text().contains("Subject: Your receipt\r\n"), call.text());
        assertTrue(call.text().contains("\r\nThank you.\r\n.\r\nA line with only a dot, above."), call.text());
        assertFalse(call.text().contains("bcc@example.org"), "Bcc is envelope only");
        assertTrue(call.session().tls());
        assertEquals(RecordingListener.PRINCIPAL, call.session().principal());
    }

    @Test
    void aWrongPasswordFailsAuthentication() {
        Session session = mailSession();
        MessagingException e = assertThrows(MessagingException.class, () -> {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("app@example.com"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("to@example.org"));
            message.setText("x");
            Transport.send(message, RecordingListener.USERNAME, "wrong");
        });
        assertTrue(e instanceof AuthenticationFailedException, e.toString());
    }

    private Session mailSession() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(server.port()));
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.trust", "*");
        // Angus Mail 2 also checks the name; the test key is for "localhost" and the test dials 127.0.0.1.
        properties.put("mail.smtp.ssl.checkserveridentity", "false");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        return Session.getInstance(properties);
    }
}
