package org.postage.application.ndr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.postage.api.SmtpReplies;
import org.postage.domain.message.QueueId;

class NonDeliveryReportTest {

    private static final QueueId QUEUE_ID = new QueueId("01JD3ZQ5R8M0ABCD");
    private static final String HEADERS = "Received: from shop.example.com ([192.0.2.7])\r\n"
            + "\tby postage.test (Postage) with ESMTPSA id 01JD3ZQ5R8M0ABCD;\r\n"
            + "\tThu, 26 Nov 2026 10:15:30 +0100\r\n"
            + "From: Shop <orders@shop.example>\r\n"
            + "To: alice@example.com, bob@example.org\r\n"
            + "Subject: Your order 1234\r\n"
            + "Message-ID: <order-1234@shop.example>\r\n"
            + "X-Flexmail-Tag:  order_confirmation  \r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n";
    private static final String ORIGINAL = HEADERS + "\r\nThanks for your order.\r\n";

    private static final Problem UNVERIFIED_SENDER = new Problem(
            "Verified sender",
            "The From address orders@shop.example is not a verified sender of your account.",
            "Verify orders@shop.example in your account, or send from a verified address.");
    private static final Problem NO_DKIM = new Problem(
            "Authenticated domain",
            "shop.example has no DKIM record for Postage.",
            "Publish the DKIM record shown in your account's domain settings.");

    @Test
    void isAMultipartReportOfDeliveryStatusWithItsThreePartsInOrder() throws Exception {
        MimeMessage ndr = parse(report().build());
        ContentType type = new ContentType(ndr.getContentType());
        assertTrue(type.match("multipart/report"), ndr.getContentType());
        assertEquals("delivery-status", type.getParameter("report-type"));

        Multipart parts = (Multipart) ndr.getContent();
        assertEquals(3, parts.getCount());
        assertTrue(
                parts.getBodyPart(0).isMimeType("text/plain"),
                parts.getBodyPart(0).getContentType());
        assertEquals("UTF-8", new ContentType(parts.getBodyPart(0).getContentType()).getParameter("charset"));
        assertTrue(
                parts.getBodyPart(1).isMimeType("message/delivery-status"),
                parts.getBodyPart(1).getContentType());
        assertTrue(
                parts.getBodyPart(2).isMimeType("text/rfc822-headers"),
                parts.getBodyPart(2).getContentType());
    }

    @Test
    void comesFromTheMailerDaemonToTheEnvelopeSenderAsAnAutomaticReply() throws Exception {
        NonDeliveryReport report = report().build();
        MimeMessage ndr = parse(report);
        assertEquals("Mail Delivery System <mailer-daemon@postage.test>", ndr.getHeader("From", null));
        assertEquals("<bounces@shop.example>", ndr.getHeader("To", null));
        assertEquals("bounces@shop.example", report.envelopeSender());
        assertEquals("<01JD3ZQ5R8M0ABCD.ndr@postage.test>", ndr.getMessageID());
        assertEquals(report.messageId(), ndr.getMessageID());
        assertEquals("auto-replied", ndr.getHeader("Auto-Submitted", null));
        assertEquals("1.0", ndr.getHeader("MIME-Version", null));
        assertEquals("Sun, 29 Nov 2026 08:00:00 +0000", ndr.getHeader("Date", null));
        assertEquals("Undelivered Mail Returned to Sender: Your order 1234", ndr.getSubject());
    }

    @Test
    void humanPartSaysWhichMessageWasNotDeliveredToWhomAndThatItShouldBeCorrectedAndResent() throws Exception {
        String text = humanText(report().problem(NO_DKIM).build());
        assertTrue(text.contains("NOT delivered to any of its recipients"), text);
        assertTrue(text.contains("01JD3ZQ5R8M0ABCD"), text);
        assertTrue(text.contains("<order-1234@shop.example>"), text);
        assertTrue(text.contains("Your order 1234"), text);
        assertTrue(text.contains("<alice@example.com>") && text.contains("<bob@example.org>"), text);
        assertTrue(text.contains("correct the problems above and send the message again"), text);
    }

    @Test
    void humanPartNamesEachRuleWithItsReasonAndItsFix() throws Exception {
        String text = humanText(report().problem(NO_DKIM).build());
        for (Problem p : List.of(UNVERIFIED_SENDER, NO_DKIM)) {
            assertTrue(text.contains("Rule: " + p.rule()), text);
            assertTrue(text.contains("Reason: " + p.reason()), text);
            assertTrue(text.contains("How to fix: " + p.fix()), text);
        }
    }

    @Test
    void deliveryStatusHasThePerMessageFieldsThenOneBlockPerRecipient() throws Exception {
        List<Map<String, String>> blocks = DeliveryStatusBlocks.parse(deliveryStatus(report().build()));
        assertEquals(3, blocks.size());

        Map<String, String> perMessage = blocks.get(0);
        assertEquals("dns; postage.test", perMessage.get("Reporting-MTA"));
        assertEquals("01JD3ZQ5R8M0ABCD", perMessage.get("X-Postage-Queue-ID"));
        assertEquals("Thu, 26 Nov 2026 10:15:30 +0100", perMessage.get("Arrival-Date"));

        Map<String, String> alice = blocks.get(1);
        assertEquals("rfc822; alice@example.com", alice.get("Final-Recipient"));
        assertEquals("failed", alice.get("Action"));
        assertEquals("5.7.1", alice.get("Status"));
        assertEquals("smtp; 550 5.7.1 Sender orders@shop.example is not verified", alice.get("Diagnostic-Code"));

        Map<String, String> bob = blocks.get(2);
        assertEquals("rfc822; bob@example.org", bob.get("Final-Recipient"));
        assertEquals("failed", bob.get("Action"));
        assertEquals("5.6.0", bob.get("Status"));
        assertTrue(bob.get("Diagnostic-Code").startsWith("smtp; 554 5.6.0 Message has a line longer"), bob.toString());
    }

    @Test
    void theOriginalHeaderSectionIsQuotedByteForByte() throws Exception {
        BodyPart headers = part(report().build(), 2);
        try (InputStream in = headers.getInputStream()) {
            assertArrayEquals(HEADERS.getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
        }
        assertFalse(raw(report().build()).contains("Thanks for your order"), "the body is not quoted");
    }

    @Test
    void anEightBitOriginalHeaderIsQuotedUnchangedAndDeclared8bit() throws Exception {
        String utf8Headers = "From: Café <orders@shop.example>\r\nSubject: Bestätigung\r\n";
        byte[] original = (utf8Headers + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
        BodyPart headers = part(report().original(original).build(), 2);
        assertEquals("8bit", headers.getHeader("Content-Transfer-Encoding")[0]);
        try (InputStream in = headers.getInputStream()) {
            assertArrayEquals(utf8Headers.getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }

    @Test
    void aHugeOriginalHeaderSectionIsCutAtAFieldBoundaryUnder64KiB() throws Exception {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; headers.length() < 100 * 1024; i++) {
            headers.append("X-Filler-")
                    .append(i)
                    .append(": ")
                    .append("y".repeat(200))
                    .append("\r\n\t")
                    .append("z".repeat(100))
                    .append("\r\n");
        }
        byte[] original = (headers + "\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
        BodyPart part = part(report().original(original).build(), 2);
        try (InputStream in = part.getInputStream()) {
            String quoted = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(quoted.length() <= 64 * 1024, "length " + quoted.length());
            assertTrue(headers.toString().startsWith(quoted));
            assertTrue(quoted.endsWith("z".repeat(100) + "\r\n"), "ends with a whole field");
        }
    }

    @Test
    void noLineIsLongerThan998OctetsEvenWithAVeryLongReason() throws Exception {
        String reason = "This reason goes on and on " + "and on ".repeat(2000) + "x".repeat(5000);
        NonDeliveryReport report = report().problem(
                        new Problem("Long " + "rule ".repeat(500), reason, "Shorten it " + "y".repeat(3000)))
                .recipient(new FailedRecipient("carol@example.net", SmtpReplies.RELAY_DENIED.withText(reason)))
                .build();
        byte[] bytes = report.toBytes();
        assertLinesEndWithCrlfAndFitIn998Octets(bytes);

        List<Map<String, String>> blocks = DeliveryStatusBlocks.parse(deliveryStatus(report));
        assertTrue(blocks.get(3).get("Diagnostic-Code").startsWith("smtp; 550 5.7.1 This reason goes on and on"));
        assertTrue(humanText(report).contains(reason), "the human part keeps the whole reason");
    }

    @Test
    void everyLineEndsWithCrlf() {
        assertLinesEndWithCrlfAndFitIn998Octets(report().build().toBytes());
    }

    @Test
    void aNonAsciiSubjectIsEncodedAndReadsBackUnchanged() throws Exception {
        String subject = "Votre commande n° 1234 est confirmée ✓";
        byte[] original = ("Subject: =?UTF-8?Q?Votre_commande_n=C2=B0_1234?= est =?UTF-8?B?"
                        + java.util.Base64.getEncoder().encodeToString("confirmée ✓".getBytes(StandardCharsets.UTF_8))
                        + "?=\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        NonDeliveryReport report = report().original(original).build();

        String topLevel = raw(report).substring(0, raw(report).indexOf("\r\n\r\n"));
        assertTrue(HeaderText.isAscii(topLevel), topLevel);
        assertTrue(topLevel.contains("=?UTF-8?B?"), topLevel);
        assertEquals(
                "Undelivered Mail Returned to Sender: " + subject, parse(report).getSubject());
        assertTrue(humanText(report).contains(subject));
    }

    @Test
    void aLongNonAsciiSubjectIsTruncatedAndFoldedBetweenEncodedWords() throws Exception {
        String subject = "Überweisung für Ihre Bestellung ✓ ".repeat(20);
        byte[] original = ("Subject: " + subject + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        NonDeliveryReport report = report().original(original).build();
        assertLinesEndWithCrlfAndFitIn998Octets(report.toBytes());
        String decoded = parse(report).getSubject();
        assertTrue(
                decoded.startsWith("Undelivered Mail Returned to Sender: Überweisung für Ihre Bestellung ✓"), decoded);
        assertTrue(decoded.endsWith("..."), decoded);
    }

    @Test
    void aLongSubjectIsTruncated() throws Exception {
        // 1,500 characters, folded as a client must (RFC 5322 2.1.1).
        String longSubject = "Order" + "\r\n very very very very very very very very very very".repeat(30) + " long";
        byte[] original = ("Subject: " + longSubject + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        String subject = parse(report().original(original).build()).getSubject();
        assertTrue(subject.startsWith("Undelivered Mail Returned to Sender: Order very very"), subject);
        assertTrue(subject.endsWith("..."), subject);
        assertTrue(subject.length() < 250, "length " + subject.length());
    }

    @Test
    void lineBreaksInCallerInputCannotAddHeaderFields() throws Exception {
        NonDeliveryReport report = NonDeliveryReport.builder()
                .reportingHost("postage.test")
                .queueId(QUEUE_ID)
                .envelopeSender("bounces@shop.example\r\nBcc: victim@example.com")
                .original(ORIGINAL.getBytes(StandardCharsets.US_ASCII))
                .arrivalDate(ZonedDateTime.parse("2026-11-26T10:15:30+01:00"))
                .date(ZonedDateTime.parse("2026-11-29T08:00:00Z"))
                .problem(new Problem("Rule\r\nX-Injected: 1", "reason\nX-Injected: 2", "fix"))
                .recipient(new FailedRecipient("dave@example.com\r\nX-Injected: 3", SmtpReplies.RELAY_DENIED))
                .build();
        MimeMessage ndr = parse(report);
        assertNull(ndr.getHeader("Bcc"));
        List<Map<String, String>> blocks = DeliveryStatusBlocks.parse(deliveryStatus(report));
        assertEquals(2, blocks.size());
        assertFalse(blocks.get(1).containsKey("X-Injected"));
        assertFalse(humanText(report).contains("\nX-Injected"));
    }

    @Test
    void aMessageWithoutSubjectOrMessageIdStillGetsAReadableReport() throws Exception {
        NonDeliveryReport report = report().original(
                        "From: a@shop.example\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII))
                .build();
        assertEquals("Undelivered Mail Returned to Sender", parse(report).getSubject());
        String text = humanText(report);
        assertTrue(text.contains("(no subject)") && text.contains("(none)"), text);
    }

    @Test
    void theBoundaryNeverOccursInTheQuotedHeader() throws Exception {
        String hostile =
                "X-Trap: --=_postage-ndr_01JD3ZQ5R8M0ABCD\r\n" + "X-Trap-2: --=_postage-ndr_01JD3ZQ5R8M0ABCD_1\r\n";
        byte[] original = (hostile + "\r\n").getBytes(StandardCharsets.US_ASCII);
        Multipart parts = (Multipart) parse(report().original(original).build()).getContent();
        assertEquals(3, parts.getCount());
        try (InputStream in = parts.getBodyPart(2).getInputStream()) {
            assertEquals(hostile, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void thereIsNoReportToTheNullSender() {
        assertThrows(
                IllegalArgumentException.class,
                () -> report().envelopeSender("").build());
    }

    @Test
    void aReportNeedsAProblemAndAFailedRecipient() {
        NonDeliveryReport.Builder noProblem = NonDeliveryReport.builder()
                .reportingHost("postage.test")
                .queueId(QUEUE_ID)
                .envelopeSender("bounces@shop.example")
                .original(new byte[0])
                .arrivalDate(ZonedDateTime.now())
                .date(ZonedDateTime.now())
                .recipient(new FailedRecipient("alice@example.com", SmtpReplies.RELAY_DENIED));
        assertThrows(IllegalArgumentException.class, noProblem::build);
    }

    @Test
    void aFailedRecipientNeedsAPermanentReplyWithAnEnhancedStatus() {
        assertThrows(
                IllegalArgumentException.class, () -> new FailedRecipient("alice@example.com", SmtpReplies.NOT_STORED));
        assertThrows(
                IllegalArgumentException.class, () -> new FailedRecipient("alice@example.com", SmtpReplies.START_DATA));
    }

    private static NonDeliveryReport.Builder report() {
        return NonDeliveryReport.builder()
                .reportingHost("postage.test")
                .queueId(QUEUE_ID)
                .envelopeSender("bounces@shop.example")
                .original(ORIGINAL.getBytes(StandardCharsets.US_ASCII))
                .arrivalDate(ZonedDateTime.parse("2026-11-26T10:15:30+01:00"))
                .date(ZonedDateTime.parse("2026-11-29T08:00:00Z"))
                .problem(UNVERIFIED_SENDER)
                .recipient(new FailedRecipient(
                        "alice@example.com",
                        SmtpReplies.RELAY_DENIED.withText("Sender orders@shop.example is not verified")))
                .recipient(new FailedRecipient("bob@example.org", SmtpReplies.LINE_TOO_LONG_IN_DATA));
    }

    private static void assertLinesEndWithCrlfAndFitIn998Octets(byte[] bytes) {
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "bare LF at " + i);
                assertTrue(i - 1 - lineStart <= 998, "line of " + (i - 1 - lineStart) + " octets at " + lineStart);
                lineStart = i + 1;
            } else if (bytes[i] == '\r') {
                assertTrue(i + 1 < bytes.length && bytes[i + 1] == '\n', "bare CR at " + i);
            }
        }
        assertEquals(bytes.length, lineStart, "the report ends with CRLF");
    }

    private static MimeMessage parse(NonDeliveryReport report) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(report.toBytes()));
    }

    private static BodyPart part(NonDeliveryReport report, int index) throws Exception {
        return ((Multipart) parse(report).getContent()).getBodyPart(index);
    }

    private static String humanText(NonDeliveryReport report) throws Exception {
        return (String) part(report, 0).getContent();
    }

    private static String deliveryStatus(NonDeliveryReport report) throws Exception {
        try (InputStream in = part(report, 1).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String raw(NonDeliveryReport report) {
        return new String(report.toBytes(), StandardCharsets.UTF_8);
    }
}
