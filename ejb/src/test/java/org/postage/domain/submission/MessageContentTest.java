package org.postage.domain.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postage.domain.submission.Messages.raw;
import static org.postage.domain.submission.Messages.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageContentTest {

    private static final String PDF_BASE64 = "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==";
    private static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private final SubmissionInspector inspector = new SubmissionInspector();

    @Test
    void aSingleHtmlPartIsAccepted() {
        assertAccepted(message("Content-Type: text/html; charset=UTF-8", "", "<p>Your order has shipped.</p>"));
    }

    @Test
    void htmlWithAPlainTextAlternativeIsAccepted() {
        assertAccepted(message(
                "Content-Type: multipart/alternative; boundary=\"alt\"",
                "",
                "--alt",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "Your order has shipped.",
                "--alt",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<p>Your order has shipped.</p>",
                "--alt--"));
    }

    @Test
    void htmlWithABase64PdfAttachmentIsAccepted() {
        assertAccepted(message(
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: multipart/alternative; boundary=\"alt\"",
                "",
                "--alt",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "Your invoice is attached.",
                "--alt",
                "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "<p>Your invoice is attached.</p>",
                "--alt--",
                "--mix",
                "Content-Type: application/pdf; name=\"invoice-12345.pdf\"",
                "Content-Disposition: attachment; filename=\"invoice-12345.pdf\"",
                "Content-Transfer-Encoding: base64",
                "",
                PDF_BASE64,
                "--mix--"));
    }

    @Test
    void theBodyMayFollowAnAttachment() {
        assertAccepted(message(
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename=\"invoice.pdf\"",
                "Content-Transfer-Encoding: base64",
                "",
                PDF_BASE64,
                "--mix",
                "Content-Type: text/html",
                "",
                "<p>Invoice attached.</p>",
                "--mix--"));
    }

    @Test
    void anAttachmentWithAContentIdTheHtmlDoesNotUseIsAccepted() {
        assertAccepted(message(
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: text/html",
                "",
                "<p>See the attached picture.</p>",
                "--mix",
                "Content-Type: image/png",
                "Content-Disposition: attachment; filename=\"photo.png\"",
                "Content-ID: <photo@shop.example>",
                "Content-Transfer-Encoding: base64",
                "",
                PNG_BASE64,
                "--mix--"));
    }

    @Test
    void aPlainTextOnlyMessageIsRefused() {
        Inspection inspection =
                inspector.inspect(message("Content-Type: text/plain; charset=US-ASCII", "", "Your order has shipped."));
        assertEquals(List.of("content.text-only"), rules(inspection));
        assertEquals(
                "The message has no text/html body (it has only text/plain)",
                inspection.violations().get(0).reason());
    }

    @Test
    void aMessageWithoutContentTypeIsPlainText() {
        assertEquals(List.of("content.text-only"), rules(inspector.inspect(message("", "Hello"))));
    }

    @Test
    void plainTextWithAnHtmlAttachmentIsStillPlainTextOnly() {
        Inspection inspection = inspector.inspect(message(
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: text/plain",
                "",
                "The report is attached.",
                "--mix",
                "Content-Type: text/html",
                "Content-Disposition: attachment; filename=\"report.html\"",
                "Content-Transfer-Encoding: base64",
                "",
                "PHA+UmVwb3J0PC9wPg==",
                "--mix--"));
        assertEquals(List.of("content.text-only"), rules(inspection));
    }

    @Test
    void multipartRelatedIsRefusedOnceForItsEmbeddedImages() {
        Inspection inspection = inspector.inspect(message(
                "Content-Type: multipart/related; boundary=\"rel\"; type=\"text/html\"",
                "",
                "--rel",
                "Content-Type: text/html",
                "",
                "<img src=\"cid:logo@shop.example\">",
                "--rel",
                "Content-Type: image/png",
                "Content-ID: <logo@shop.example>",
                "Content-Disposition: inline; filename=\"logo.png\"",
                "Content-Transfer-Encoding: base64",
                "",
                PNG_BASE64,
                "--rel--"));
        assertEquals(List.of("content.related"), rules(inspection));
        assertEquals(
                "The message body (multipart/related) embeds inline content, such as images shown in the HTML",
                inspection.violations().get(0).reason());
    }

    @Test
    void multipartRelatedInsideAlternativeIsRefused() {
        Inspection inspection = inspector.inspect(message(
                "Content-Type: multipart/alternative; boundary=\"alt\"",
                "",
                "--alt",
                "Content-Type: text/plain",
                "",
                "Hello",
                "--alt",
                "Content-Type: multipart/related; boundary=\"rel\"",
                "",
                "--rel",
                "Content-Type: text/html",
                "",
                "<p>Hello</p>",
                "--rel--",
                "--alt--"));
        assertEquals(List.of("content.related"), rules(inspection));
        assertTrue(inspection.violations().get(0).reason().startsWith("Part 2 (multipart/related)"));
    }

    @Test
    void anImageReferencedByCidIsRefusedOutsideMultipartRelatedToo() {
        Inspection inspection = inspector.inspect(message(
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: text/html",
                "",
                "<p><img src=\"CID:Logo@Shop.example\" alt=\"Shop\"></p>",
                "--mix",
                "Content-Type: image/png; name=\"logo.png\"",
                "Content-Disposition: attachment; filename=\"logo.png\"",
                "Content-ID: <logo@shop.example>",
                "Content-Transfer-Encoding: base64",
                "",
                PNG_BASE64,
                "--mix--"));
        assertEquals(List.of("content.inline-part"), rules(inspection));
        assertEquals(
                "Part 2 (image/png, 'logo.png') is shown inline: the HTML refers to it as cid:logo@shop.example",
                inspection.violations().get(0).reason());
    }

    @Test
    void aCidUrlSplitByQuotedPrintableSoftBreaksIsFound() {
        Inspection inspection = inspector.inspect(message(
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: text/html",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "<img src=3D\"cid:lo=",
                "go\">",
                "--mix",
                "Content-Type: image/png",
                "Content-Disposition: attachment",
                "Content-ID: <logo>",
                "Content-Transfer-Encoding: base64",
                "",
                PNG_BASE64,
                "--mix--"));
        assertEquals(List.of("content.inline-part"), rules(inspection));
    }

    @Test
    void anImageWithContentDispositionInlineIsRefused() {
        Inspection inspection = inspector.inspect(message(
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: text/html",
                "",
                "<p>Hello</p>",
                "--mix",
                "Content-Type: image/png",
                "Content-Disposition: INLINE; filename=\"banner.png\"",
                "Content-Transfer-Encoding: base64",
                "",
                PNG_BASE64,
                "--mix--"));
        assertEquals(List.of("content.inline-part"), rules(inspection));
        assertEquals(
                "Part 2 (image/png, 'banner.png') has Content-Disposition: inline",
                inspection.violations().get(0).reason());
    }

    @Test
    void aQuotedPrintableAttachmentIsRefused() {
        Inspection inspection = inspector.inspect(withAttachment("Content-Transfer-Encoding: quoted-printable"));
        assertEquals(List.of("content.attachment-encoding"), rules(inspection));
        assertEquals(
                "Part 2 (text/csv, 'orders.csv') is an attachment with Content-Transfer-Encoding 'quoted-printable';"
                        + " attachments must be base64",
                inspection.violations().get(0).reason());
    }

    @Test
    void a7bitAttachmentIsRefused() {
        assertEquals(
                List.of("content.attachment-encoding"),
                rules(inspector.inspect(withAttachment("Content-Transfer-Encoding: 7bit"))));
    }

    @Test
    void anAttachmentWithoutTransferEncodingIsRefusedAs7bit() {
        Inspection inspection = inspector.inspect(withAttachment());
        assertEquals(List.of("content.attachment-encoding"), rules(inspection));
        assertTrue(inspection.violations().get(0).reason().contains("7bit (none given)"));
    }

    @Test
    void aPartWithoutDispositionAfterTheBodyIsAnAttachment() {
        Inspection inspection = inspector.inspect(message(
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: text/html",
                "",
                "<p>Hello</p>",
                "--mix",
                "Content-Type: text/plain; name=\"notes.txt\"",
                "",
                "notes",
                "--mix--"));
        assertEquals(List.of("content.attachment-encoding"), rules(inspection));
    }

    @Test
    void everyContentProblemIsReported() {
        Inspection inspection = inspector.inspect(message(
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: text/plain",
                "",
                "Hello",
                "--mix",
                "Content-Type: image/gif",
                "Content-Disposition: inline",
                "Content-Transfer-Encoding: base64",
                "",
                "R0lGODlhAQABAAAAACw=",
                "--mix",
                "Content-Type: application/pdf",
                "Content-Disposition: attachment",
                "Content-Transfer-Encoding: 8bit",
                "",
                "%PDF-1.4",
                "--mix--"));
        assertEquals(
                List.of("content.inline-part", "content.attachment-encoding", "content.text-only"), rules(inspection));
    }

    @Test
    void aMultipartWithoutItsBoundaryLinesIsUnparseable() {
        Inspection inspection =
                inspector.inspect(message("Content-Type: multipart/mixed; boundary=\"mix\"", "", "<p>Hello</p>"));
        assertEquals(List.of("message.unparseable"), rules(inspection));
        assertTrue(inspection.violations().get(0).reason().startsWith("The MIME structure cannot be read: "));
    }

    @Test
    void anHtmlBodyInAnUnknownTransferEncodingIsUnparseable() {
        Inspection inspection = inspector.inspect(
                message("Content-Type: text/html", "Content-Transfer-Encoding: x-uuencode-ish", "", "<p>Hello</p>"));
        assertEquals(List.of("message.unparseable"), rules(inspection));
    }

    @Test
    void multipartsNestedBeyondTheLimitAreUnparseable() {
        List<String> lines = new ArrayList<>();
        int depth = ContentRules.MAX_DEPTH + 1;
        for (int i = 0; i < depth; i++) {
            lines.add("Content-Type: multipart/mixed; boundary=\"b" + i + "\"");
            lines.add("");
            lines.add("--b" + i);
        }
        lines.add("Content-Type: text/html");
        lines.add("");
        lines.add("<p>deep</p>");
        for (int i = depth - 1; i >= 0; i--) {
            lines.add("--b" + i + "--");
        }
        assertEquals(List.of("message.unparseable"), rules(inspector.inspect(message(lines.toArray(String[]::new)))));
    }

    private void assertAccepted(byte[] message) {
        Inspection inspection = inspector.inspect(message);
        assertTrue(inspection.isAccepted(), inspection.violations()::toString);
    }

    /** An HTML body and a CSV attachment with the given transfer encoding headers. */
    private static byte[] withAttachment(String... encodingHeaders) {
        List<String> lines = new ArrayList<>(List.of(
                "Content-Type: multipart/mixed; boundary=\"mix\"",
                "",
                "--mix",
                "Content-Type: text/html",
                "",
                "<p>Your export is attached.</p>",
                "--mix",
                "Content-Type: text/csv",
                "Content-Disposition: attachment; filename=\"orders.csv\""));
        Collections.addAll(lines, encodingHeaders);
        lines.addAll(List.of("", "order_id,total", "12345,19.99", "--mix--"));
        return message(lines.toArray(String[]::new));
    }

    /** The standard envelope headers followed by {@code mime}: the content headers, an empty line and the body. */
    private static byte[] message(String... mime) {
        List<String> lines = new ArrayList<>(List.of(
                "From: Shop <orders@shop.example>",
                "To: customer@example.com",
                "Subject: Your order",
                "MIME-Version: 1.0"));
        Collections.addAll(lines, mime);
        return raw(lines.toArray(String[]::new));
    }
}
