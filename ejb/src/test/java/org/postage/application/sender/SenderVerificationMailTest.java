package org.postage.application.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SenderVerificationMailTest {

    @Test
    void namesWhoAskedAndCarriesTheLinkAndItsExpiry() throws Exception {
        String link = "https://postage.example/api/senders/verify?token=" + "A".repeat(43);
        byte[] raw = SenderVerificationMail.render(
                "postage.example",
                "orders@shop.example",
                "Shop Ünïcode",
                link,
                Instant.parse("2026-11-27T10:00:00Z"),
                "01JD2Q3R4S5T6V7W-1",
                Instant.parse("2026-11-26T10:00:00Z"));
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        assertEquals("orders@shop.example", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertEquals("no-reply@postage.example", ((InternetAddress) m.getFrom()[0]).getAddress());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals("<01JD2Q3R4S5T6V7W-1@postage.example>", m.getMessageID());
        String text = (String) m.getContent();
        assertTrue(text.contains(link), text);
        assertTrue(text.contains("\"Shop Ünïcode\""), text);
        assertTrue(text.contains("2026-11-27 10:00 UTC"), text);
        String wire = new String(raw, StandardCharsets.ISO_8859_1);
        assertTrue(wire.contains("\r\n") && !wire.replace("\r\n", "").contains("\n"), "CRLF line ends only");
    }
}
