package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postage.infrastructure.dkim.PythonDkimVerifier;

/**
 * Every delivered copy carries a DKIM signature of its From domain that an independent verifier accepts, and an
 * envelope sender of its own under the domain's return-path host.
 */
class DkimSigningIT {

    private static SinkServer sink;
    private static PostageServer server;
    private static AdminClient.Credential sender;
    private static JsonObject domain;

    @BeforeAll
    static void start() {
        sink = new SinkServer(FreePorts.next()).start();
        server = new PostageServer("dkim", sink.port()).start();
        AdminClient admin = server.admin();
        long account = admin.accountSendingAs("Signed shop", "orders@signed.example");
        domain = admin.get("/api/admin/domains/signed.example").json();
        sender = admin.issueCredential(account);
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server, sink);
    }

    @Test
    void eachDeliveredCopyIsSignedWithTheFromDomainsKeyAndBouncesToItsOwnReturnPath() throws Exception {
        String marker = UUID.randomUUID().toString();
        MimeMessage m = new MimeMessage(Smtp.session(server.smtpPort()));
        m.setFrom("Shop <orders@Signed.Example>");
        m.setRecipients(RecipientType.TO, "first@example.net");
        m.setRecipients(RecipientType.BCC, "hidden@example.net");
        m.setSubject("Signed " + marker);
        m.setHeader("X-Flexmail-Tag", "order_confirmation");
        m.setText("<p>Thank you " + marker + "</p>", "UTF-8", "html");
        String queueId = Smtp.queueId(Smtp.send(server.smtpPort(), sender, m));

        var copies = Eventually.await(
                "both copies at the sink", Duration.ofSeconds(30), () -> sink.containing(marker), l -> l.size() == 2);
        String selector = domain.getString("dkim_selector");
        String keyRecord =
                domain.getJsonArray("records_to_publish").getJsonObject(1).getString("value");
        for (SinkServer.Delivery copy : copies) {
            String text = new String(copy.content(), StandardCharsets.US_ASCII);
            // After the sink's own Received line: what Postage sent starts with the signature.
            String sent = text.substring(text.indexOf("\r\nDKIM-Signature:") + 2);
            assertTrue(
                    sent.startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=signed.example;"),
                    text.substring(0, Math.min(600, text.length())));
            assertTrue(sent.substring(0, sent.indexOf("bh=")).contains("s=" + selector + ";"), sent);
            assertFalse(text.contains("X-Flexmail-Tag"), "signed after the Flexmail headers were removed");
            assertTrue(
                    copy.envelopeSender().matches("bounce\\+" + queueId + "-[12]@pm-bounces\\.signed\\.example"),
                    "a return path per message under the From domain: " + copy.envelopeSender());
            PythonDkimVerifier.Verdict verdict =
                    PythonDkimVerifier.verify(copy.content(), selector, "signed.example", keyRecord);
            assertTrue(verdict.verified(), verdict.output());
        }
        // The verifier does reject: a changed body fails the same key.
        byte[] tampered = new String(copies.get(0).content(), StandardCharsets.US_ASCII)
                .replace("Thank you", "Thank yov")
                .getBytes(StandardCharsets.US_ASCII);
        assertFalse(PythonDkimVerifier.verify(tampered, selector, "signed.example", keyRecord)
                .verified());
    }

    @Test
    void eightBitMailToARelayThatOffers8BitMimeGoesAsItIsAnnouncedWithBody8BitMime() throws Exception {
        String marker = UUID.randomUUID().toString();
        String text = "<p>Grüße, ça va? " + marker + "</p>";
        MimeMessage m = new MimeMessage(Smtp.session(server.smtpPort()));
        m.setFrom("orders@signed.example");
        m.setRecipients(RecipientType.TO, "reader@example.net");
        m.setSubject("Eight bit " + marker);
        m.setText(text, "UTF-8", "html");
        m.saveChanges();
        m.setHeader("Content-Transfer-Encoding", "8bit");
        String queueId = Smtp.queueId(Smtp.send(server.smtpPort(), sender, m));

        SinkServer.Delivery copy = Eventually.await(
                        "the copy at the sink",
                        Duration.ofSeconds(30),
                        () -> sink.containing(marker),
                        l -> !l.isEmpty())
                .get(0);
        assertTrue(new String(copy.content(), StandardCharsets.UTF_8).contains(text), "the 8-bit body as it was sent");
        String mail = sink.mailCommands().stream()
                .filter(c -> c.contains(queueId))
                .findFirst()
                .orElseThrow();
        assertTrue(mail.endsWith(" BODY=8BITMIME"), mail);
        String keyRecord =
                domain.getJsonArray("records_to_publish").getJsonObject(1).getString("value");
        PythonDkimVerifier.Verdict verdict = PythonDkimVerifier.verify(
                copy.content(), domain.getString("dkim_selector"), "signed.example", keyRecord);
        assertTrue(verdict.verified(), verdict.output());
    }
}
