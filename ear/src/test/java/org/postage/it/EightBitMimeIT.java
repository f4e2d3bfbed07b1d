package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postage.infrastructure.dkim.PythonDkimVerifier;

/**
 * RFC 6152 towards a smarthost that does not offer 8BITMIME: 8-bit mail arrives converted to 7 bit (the 8-bit part
 * quoted-printable, everything else as it was), DKIM-signed over the converted bytes as an independent verifier
 * checks; what cannot be converted (raw 8-bit bytes in a header) is not sent, but deferred with the reason.
 */
class EightBitMimeIT {

    private static final String UMLAUTS = "Grüße, ça va? Ærøskøbing";

    private static SinkServer sink;
    private static PostageServer server;
    private static AdminClient admin;
    private static AdminClient.Credential sender;
    private static JsonObject domain;

    @BeforeAll
    static void start() {
        sink = new SinkServer(FreePorts.next()).without8BitMime().start();
        server = new PostageServer("seven-bit", sink.port()).start();
        admin = server.admin();
        long account = admin.accountSendingAs("Umlaut shop", "orders@umlaut.example");
        domain = admin.get("/api/admin/domains/umlaut.example").json();
        sender = admin.issueCredential(account);
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server, sink);
    }

    @Test
    void eightBitMailArrivesConvertedToSevenBitWithASignatureOverTheBytesSent() throws Exception {
        String marker = UUID.randomUUID().toString();
        MimeMessage m = new MimeMessage(Smtp.session(server.smtpPort()));
        m.setFrom("orders@umlaut.example");
        m.setRecipients(RecipientType.TO, "reader@example.net");
        m.setSubject("Order " + marker);
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>" + UMLAUTS + " " + marker + "</p>", "UTF-8", "html");
        html.setHeader("Content-Transfer-Encoding", "8bit");
        MimeBodyPart attachment = new MimeBodyPart();
        byte[] pdf = ("%PDF-1.4 invoice " + marker).getBytes(StandardCharsets.US_ASCII);
        attachment.setContent(pdf, "application/pdf");
        attachment.setFileName("invoice.pdf");
        attachment.setHeader("Content-Transfer-Encoding", "base64");
        m.setContent(new MimeMultipart(html, attachment));
        m.saveChanges();
        m.setHeader("Content-Transfer-Encoding", "8bit");
        String queueId = Smtp.queueId(Smtp.send(server.smtpPort(), sender, m));

        SinkServer.Delivery copy = Eventually.await(
                        "the copy at the sink",
                        Duration.ofSeconds(30),
                        () -> sink.containing(marker),
                        l -> !l.isEmpty())
                .get(0);
        for (byte b : copy.content()) {
            assertTrue(b >= 0, "no 8-bit byte goes to a relay without 8BITMIME:\n" + copy.text());
        }
        MimeMessage relayed = new MimeMessage(null, new ByteArrayInputStream(copy.content()));
        MimeMultipart parts = (MimeMultipart) relayed.getContent();
        MimeBodyPart relayedHtml = (MimeBodyPart) parts.getBodyPart(0);
        assertEquals("quoted-printable", relayedHtml.getEncoding());
        assertEquals("<p>" + UMLAUTS + " " + marker + "</p>", relayedHtml.getContent(), "the same text, decoded");
        assertEquals("7bit", relayed.getEncoding(), "the multipart's own 8bit label");
        assertArrayEquals(pdf, parts.getBodyPart(1).getInputStream().readAllBytes(), "attachment intact");

        String keyRecord =
                domain.getJsonArray("records_to_publish").getJsonObject(1).getString("value");
        PythonDkimVerifier.Verdict verdict = PythonDkimVerifier.verify(
                copy.content(), domain.getString("dkim_selector"), "umlaut.example", keyRecord);
        assertTrue(verdict.verified(), "signed after the conversion: " + verdict.output());

        String mail = sink.mailCommands().stream()
                .filter(c -> c.contains(queueId))
                .findFirst()
                .orElseThrow();
        assertFalse(mail.toUpperCase().contains("BODY="), "no BODY=8BITMIME to a relay that did not offer it: " + mail);
        assertEquals(
                "sent",
                Eventually.await(
                                "state sent",
                                Duration.ofSeconds(10),
                                () -> admin.message(queueId),
                                a -> a.status() == 200
                                        && a.json().getString("state").equals("sent"))
                        .json()
                        .getString("state"));
    }

    @Test
    void aMessageThatCannotBeMadeSevenBitIsDeferredWithTheReasonNotSentRaw() throws Exception {
        String marker = UUID.randomUUID().toString();
        // Raw UTF-8 in Subject: a client that ignored SMTPUTF8. Only a relay with SMTPUTF8 could take it as it is.
        String raw = "From: orders@umlaut.example\r\nTo: reader@example.net\r\nSubject: " + UMLAUTS + " " + marker
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n<p>" + UMLAUTS + "</p>\r\n";
        String queueId;
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), sender)) {
            assertTrue(
                    s.command("MAIL FROM:<orders@umlaut.example> BODY=8BITMIME").startsWith("250"));
            assertTrue(s.command("RCPT TO:<reader@example.net>").startsWith("250"));
            assertTrue(s.command("DATA").startsWith("354"));
            // RawSmtp writes ISO-8859-1: these chars are the UTF-8 bytes.
            String reply =
                    s.command(new String(raw.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + ".");
            assertTrue(reply.startsWith("250 2.0.0"), reply);
            queueId = Smtp.queueId(reply);
        }
        JsonObject message = Eventually.await(
                        "the message deferred",
                        Duration.ofSeconds(30),
                        () -> admin.message(queueId + "-1"),
                        a -> a.status() == 200 && a.json().getString("state").equals("deferred"))
                .json();
        String reply = message.getString("last_reply");
        assertTrue(
                reply.contains("does not offer 8BITMIME") && reply.contains("Subject has 8-bit bytes"),
                message.toString());
        PostageServer.sleep(2000); // a retry or two: still nothing at the sink
        assertTrue(sink.containing(marker).isEmpty(), "never sent raw");
    }
}
