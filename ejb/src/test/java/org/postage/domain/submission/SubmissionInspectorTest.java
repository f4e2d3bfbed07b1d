package org.postage.domain.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postage.domain.submission.Messages.raw;
import static org.postage.domain.submission.Messages.rules;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubmissionInspectorTest {

    private final SubmissionInspector inspector = new SubmissionInspector();

    @Test
    void theSpecificationsExampleIsAcceptedWithAllItsOptions() {
        Inspection inspection = inspector.inspect(raw(
                "From: Shop <orders@shop.example>",
                "To: customer@example.com",
                "Subject: Order confirmation",
                "Message-ID: <order-12345@shop.example>",
                "X-Flexmail-Tag: order_confirmation",
                "X-Flexmail-Metadata-order_id: 12345",
                "X-Flexmail-Metadata-customer_id: C-789",
                "X-Flexmail-Open-Tracking: true",
                "X-Flexmail-Link-Tracking: true",
                "MIME-Version: 1.0",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<p>Thank you for your order.</p>"));
        assertTrue(inspection.isAccepted(), inspection.violations()::toString);
        assertEquals("orders@shop.example", inspection.fromAddress());
        assertEquals(
                new FlexmailOptions(
                        "order_confirmation",
                        Map.of(
                                "order_id",
                                "12345",
                                "customer_id",
                                "C-789",
                                "original_message_id",
                                "<order-12345@shop.example>"),
                        true,
                        true),
                inspection.options());
    }

    @Test
    void headerNamesInMixedCaseAreRecognised() {
        Inspection inspection = inspector.inspect(raw(
                "fROM: orders@shop.example",
                "MESSAGE-ID: <m@shop.example>",
                "x-flexmail-TAG: welcome",
                "X-FLEXMAIL-METADATA-user_id: 42",
                "x-Flexmail-Open-tracking: TRUE",
                "CONTENT-TYPE: TEXT/HTML",
                "",
                "<p>Welcome</p>"));
        assertTrue(inspection.isAccepted(), inspection.violations()::toString);
        assertEquals(
                new FlexmailOptions(
                        "welcome", Map.of("user_id", "42", "original_message_id", "<m@shop.example>"), true, false),
                inspection.options());
    }

    @Test
    void everyBrokenRuleIsReportedNotJustTheFirst() {
        Inspection inspection = inspector.inspect(raw(
                "To: customer@example.com",
                "X-Flexmail-Tag: Order Confirmation",
                "X-Flexmail-Metadata-Order-Id: 12345",
                "X-Flexmail-Open-Tracking: yes",
                "Content-Type: text/plain",
                "",
                "Thank you for your order."));
        assertEquals(
                List.of("from.missing", "tag.format", "metadata.key-format", "tracking.value", "content.text-only"),
                rules(inspection));
    }

    @Test
    void headerRulesAreStillReportedWhenTheMimeStructureIsBroken() {
        Inspection inspection = inspector.inspect(raw(
                "From: orders@shop.example",
                "X-Flexmail-Tag: BAD",
                "Content-Type: multipart/mixed; boundary=\"b\"",
                "",
                "no boundary anywhere"));
        assertEquals(List.of("tag.format", "message.unparseable"), rules(inspection));
    }

    @Test
    void aHeaderLineThatIsNotAFieldMakesTheMessageUnparseable() {
        Inspection inspection = inspector.inspect(
                raw("From orders@shop.example Thu Nov 26 10:15:30 2026", "From: orders@shop.example", "", "<p>Hi</p>"));
        assertEquals(List.of("message.unparseable"), rules(inspection));
        assertEquals(
                "Header line 'From orders@shop.example Thu Nov 26 1...' is not a header field (Name: value)",
                inspection.violations().get(0).reason());
        assertNull(inspection.fromAddress());
        assertEquals(FlexmailOptions.none(), inspection.options());
    }

    @Test
    void aMessageStartingWithAContinuationLineIsUnparseable() {
        assertEquals(
                List.of("message.unparseable"),
                rules(inspector.inspect(raw(" folded: x", "From: a@b.example", "", "x"))));
    }

    @Test
    void anEmptyMessageIsUnparseable() {
        assertEquals(List.of("message.unparseable"), rules(inspector.inspect(new byte[0])));
    }

    @Test
    void aMessageWithoutHeadersHasNoFromAndNoHtml() {
        assertEquals(List.of("from.missing", "content.text-only"), rules(inspector.inspect(raw("", "<p>Hi</p>"))));
    }

    @Test
    void aMangledMessageGivesViolationsNeverAnException() {
        byte[] good = raw(
                "From: Shop <orders@shop.example>",
                "Message-ID: <m@shop.example>",
                "X-Flexmail-Metadata-note: =?UTF-8?Q?caf=C3=A9?=",
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: text/html",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "<img src=3D\"cid:a\">",
                "--mix",
                "Content-Type: image/png; name=\"a.png\"",
                "Content-Disposition: attachment; filename*=UTF-8''%C3%A9.png",
                "Content-ID: <a>",
                "Content-Transfer-Encoding: base64",
                "",
                "iVBORw0KGgo=",
                "--mix--");
        byte[] noise = "\r\n:;=\"<>-_ \tab@%\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            byte[] message = good.clone();
            for (int k = random.nextInt(4); k >= 0 && message.length > 0; k--) {
                int at = random.nextInt(message.length);
                if (random.nextBoolean()) {
                    message[at] = noise[random.nextInt(noise.length)];
                } else {
                    message = Arrays.copyOf(message, at);
                }
            }
            for (Violation v : inspector.inspect(message).violations()) {
                assertTrue(v.reason().matches("[ -~]+") && v.fix().matches("[ -~]+"), v::toString);
            }
        }
    }

    @Test
    void aNegativeKeyLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SubmissionInspector(-1));
    }
}
