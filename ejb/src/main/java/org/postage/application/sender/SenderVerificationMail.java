package org.postage.application.sender;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;

/**
 * The mail that asks the owner of an address to confirm it as a sender: who asked, the one-time link, when it
 * stops working, and what happens if they do nothing. Plain text, so that every client shows the link as is.
 */
final class SenderVerificationMail {

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SenderVerificationMail() {}

    static byte[] render(
            String hostName,
            String address,
            String accountName,
            String link,
            Instant expiresAt,
            String messageId,
            Instant now) {
        String text = "Hello,\r\n\r\n"
                + "Postage, the mail service at " + hostName + ", was asked to send mail as " + address + "\r\n"
                + "for the account \"" + accountName + "\".\r\n\r\n"
                + "If this address is yours and you expect this, open the link below and confirm:\r\n\r\n"
                + link + "\r\n\r\n"
                + "The link works once, until " + EXPIRY.format(expiresAt) + ". Until the address is confirmed,\r\n"
                + "Postage refuses mail from it. If you did not expect this message, ignore it: nothing will\r\n"
                + "be sent as you.\r\n";
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress("no-reply@" + hostName, "Postage"));
            m.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(address));
            m.setSubject("Confirm " + address + " as a sender", StandardCharsets.UTF_8.name());
            m.setSentDate(Date.from(now));
            // RFC 3834: an automatic message, which auto-responders must not answer.
            m.setHeader("Auto-Submitted", "auto-generated");
            m.setText(text, StandardCharsets.UTF_8.name());
            m.saveChanges();
            m.setHeader("Message-ID", "<" + messageId + "@" + hostName + ">");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot write the verification mail to " + address, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
