package org.postage.domain.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SevenBitConversionTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String UMLAUTS = "Grüße, ça va? Ærøskøbing";

    @Test
    void aSevenBitMessageIsReturnedAsItIs() throws Exception {
        byte[] raw = raw("From: a@b.example", "Content-Type: text/plain", "", "plain ascii", "");
        assertSame(raw, SevenBitConversion.convert(raw));
    }

    @Test
    void anEightBitTextBodyBecomesQuotedPrintableAndReadsTheSame() throws Exception {
        byte[] raw = raw(
                "From: a@b.example",
                "Subject: hello",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                UMLAUTS,
                "second line ",
                "");
        byte[] converted = SevenBitConversion.convert(raw);
        assertFalse(SevenBitConversion.hasEightBitBytes(converted));
        String text = ascii(converted);
        assertTrue(
                text.startsWith("From: a@b.example\r\nSubject: hello\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                        + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"),
                text);
        assertTrue(text.contains("Gr=C3=BC=C3=9Fe, =C3=A7a va?"), text);
        assertTrue(text.contains("second line=20\r\n"), "a space that ends a line is encoded: " + text);
        MimeMessage m = parse(converted);
        assertEquals(UMLAUTS + "\r\nsecond line \r\n", m.getContent());
    }

    @Test
    void aBodyWithoutContentTypeIsTextAndGetsATransferEncodingField() throws Exception {
        byte[] converted = SevenBitConversion.convert(raw("From: a@b.example", "", "caf\u00e9", ""));
        assertTrue(ascii(converted)
                .startsWith(
                        "From: a@b.example\r\nContent-Transfer-Encoding: quoted-printable\r\n" + "\r\ncaf=C3=A9\r\n"));
    }

    @Test
    void onlyThePartsWithEightBitBytesChangeInAMultipart() throws Exception {
        String attachment = "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=a.pdf\r\n\r\nJVBERi0xLjQ=\r\n";
        String plain = "Content-Type: text/plain; charset=us-ascii\r\n\r\nplain part\r\n";
        byte[] raw = raw(
                "From: a@b.example",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"outer\"",
                "Content-Transfer-Encoding: 8bit",
                "",
                "preamble",
                "--outer",
                "Content-Type: multipart/alternative; boundary=inner",
                "",
                "--inner",
                plain + "--inner",
                "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                "<p>" + UMLAUTS + "</p>",
                "--inner--",
                "",
                "--outer",
                attachment + "--outer--  ",
                "epilogue",
                "");
        byte[] converted = SevenBitConversion.convert(raw);
        assertFalse(SevenBitConversion.hasEightBitBytes(converted));
        String text = ascii(converted);
        assertTrue(text.contains("\r\nContent-Transfer-Encoding: 7bit\r\n\r\npreamble\r\n--outer\r\n"), text);
        assertTrue(text.contains("--inner\r\n" + plain + "--inner\r\n"), "the 7-bit part byte for byte: " + text);
        assertTrue(text.contains("--outer\r\n" + attachment + "--outer--  \r\nepilogue\r\n"), text);
        assertTrue(
                text.contains("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: "
                        + "quoted-printable\r\n\r\n<p>Gr=C3=BC=C3=9Fe"),
                text);

        MimeMultipart mixed = (MimeMultipart) parse(converted).getContent();
        assertEquals(2, mixed.getCount());
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertEquals("plain part", ((String) alternative.getBodyPart(0).getContent()).trim());
        BodyPart html = alternative.getBodyPart(1);
        assertEquals("<p>" + UMLAUTS + "</p>", html.getContent());
        assertEquals("a.pdf", mixed.getBodyPart(1).getFileName());
    }

    @Test
    void anEightBitBinaryPartBecomesBase64WithTheSameBytes() throws Exception {
        byte[] payload = new byte[3000];
        new Random(7).nextBytes(payload);
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\r' || payload[i] == '\n') {
                payload[i] = (byte) 0xe9; // line ends in an 8bit part are CRLF pairs; none here
            }
        }
        byte[] head = ("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                        + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[head.length + payload.length + tail.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(payload, 0, raw, head.length, payload.length);
        System.arraycopy(tail, 0, raw, head.length + payload.length, tail.length);

        byte[] converted = SevenBitConversion.convert(raw);
        assertFalse(SevenBitConversion.hasEightBitBytes(converted));
        assertTrue(ascii(converted).contains("Content-Transfer-Encoding: base64\r\n\r\n"));
        MimeMultipart parts = (MimeMultipart) parse(converted).getContent();
        assertArrayEquals(payload, parts.getBodyPart(0).getInputStream().readAllBytes());
    }

    @Test
    void anAttachedMessageIsConvertedInside() throws Exception {
        byte[] raw = raw(
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: message/rfc822",
                "Content-Transfer-Encoding: 8bit",
                "",
                "Subject: inner",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                UMLAUTS,
                "--b--",
                "");
        String text = ascii(SevenBitConversion.convert(raw));
        String expected = "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
                + "Subject: inner\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC";
        assertTrue(text.contains(expected), text);
    }

    @Test
    void quotedPrintableLinesAreAtMost76CharactersAndDecodeToTheOriginal() throws Exception {
        String line = "é".repeat(30) + " x".repeat(60) + "=" + "a".repeat(100);
        byte[] raw = raw("Content-Type: text/plain; charset=UTF-8", "", line, "", "tail\t");
        byte[] converted = SevenBitConversion.convert(raw);
        for (String l : ascii(converted).split("\r\n", -1)) {
            assertTrue(l.length() <= 76, l.length() + ": " + l);
        }
        assertEquals(line + "\r\n\r\ntail\t", parse(converted).getContent());
    }

    @Test
    void randomTextSurvivesTheRoundTrip() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(20);
                text.append(
                        pick == 0
                                ? "\r\n"
                                : pick == 1 ? " " : pick == 2 ? "\t" : pick == 3 ? "=" : pick == 4 ? "ü" : "a");
            }
            byte[] raw = raw("Content-Type: text/plain; charset=UTF-8", "", text.toString());
            byte[] converted = SevenBitConversion.convert(raw);
            assertFalse(SevenBitConversion.hasEightBitBytes(converted));
            if (converted != raw) {
                byte[] body = new byte[converted.length];
                int start = HeaderSection.parse(converted).bodyOffset();
                body = java.util.Arrays.copyOfRange(converted, start, converted.length);
                byte[] decoded = jakarta.mail.internet.MimeUtility.decode(
                                new ByteArrayInputStream(body), "quoted-printable")
                        .readAllBytes();
                assertEquals(text.toString(), new String(decoded, StandardCharsets.UTF_8), "round " + round);
            }
        }
    }

    @Test
    void eightBitBytesInAHeaderFieldCannotBeConverted() {
        SevenBitConversion.NotConvertible e = assertThrows(
                SevenBitConversion.NotConvertible.class,
                () -> SevenBitConversion.convert(raw("Subject: " + UMLAUTS, "", "body", "")));
        assertEquals(
                "the header field Subject has 8-bit bytes, which only a next hop with SMTPUTF8 takes", e.getMessage());
    }

    @Test
    void eightBitBytesInAnEncodedPartCannotBeConverted() {
        SevenBitConversion.NotConvertible e = assertThrows(
                SevenBitConversion.NotConvertible.class,
                () -> SevenBitConversion.convert(raw(
                        "Content-Type: text/html", "Content-Transfer-Encoding: Quoted-Printable", "", UMLAUTS, "")));
        assertTrue(e.getMessage().contains("declared quoted-printable holds 8-bit bytes"), e.getMessage());
    }

    @Test
    void eightBitBytesInAPreambleCannotBeConverted() {
        assertThrows(
                SevenBitConversion.NotConvertible.class,
                () -> SevenBitConversion.convert(
                        raw("Content-Type: multipart/mixed; boundary=b", "", UMLAUTS, "--b", "", "x", "--b--", "")));
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    private static byte[] raw(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static String ascii(byte[] raw) {
        return new String(raw, StandardCharsets.US_ASCII);
    }
}
