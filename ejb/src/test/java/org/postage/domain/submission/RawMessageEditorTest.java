package org.postage.domain.submission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.postage.domain.submission.Messages.raw;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RawMessageEditorTest {

    @Test
    void removesEveryHeaderWithThePrefixWhateverItsCase() {
        byte[] edited = RawMessageEditor.removeHeadersWithPrefix(
                raw(
                        "From: orders@shop.example",
                        "X-Flexmail-Tag: welcome",
                        "Subject: Hi",
                        "x-flexmail-metadata-order_id: 1",
                        "X-FLEXMAIL-Open-Tracking: true",
                        "",
                        "<p>Hi</p>"),
                "X-Flexmail-");
        assertEquals(text(raw("From: orders@shop.example", "Subject: Hi", "", "<p>Hi</p>")), text(edited));
    }

    @Test
    void foldedContinuationLinesGoWithTheirHeader() {
        byte[] edited = RawMessageEditor.removeHeadersWithPrefix(
                raw(
                        "X-Flexmail-Metadata-note: =?UTF-8?Q?first?=",
                        " =?UTF-8?Q?second?=",
                        "\tthird",
                        "Subject: Hi",
                        " there",
                        "",
                        "body"),
                "X-Flexmail-");
        assertEquals(text(raw("Subject: Hi", " there", "", "body")), text(edited));
    }

    @Test
    void headersThatOnlyMentionThePrefixStay() {
        byte[] message = raw("Subject: X-Flexmail-Tag: is a header", "X-Flexmail: not the prefix", "", "x");
        assertArrayEquals(message, RawMessageEditor.removeHeadersWithPrefix(message, "X-Flexmail-"));
    }

    @Test
    void theBodyIsCopiedByteForByte() {
        byte[] head = raw("X-Flexmail-Tag: welcome", "Content-Type: text/html; charset=ISO-8859-1", "");
        // Looks like headers, has 8-bit bytes, a bare LF and no final CRLF: must come out exactly as it went in.
        byte[] body = "X-Flexmail-Tag: not a header\r\n Folded?\r\n\r\ncaf\u00e9 \u00ff\n=E9 end"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = concat(head, body);
        byte[] edited = RawMessageEditor.removeHeadersWithPrefix(message, "X-Flexmail-");
        assertArrayEquals(body, Arrays.copyOfRange(edited, edited.length - body.length, edited.length));
        assertEquals(message.length - "X-Flexmail-Tag: welcome\r\n".length(), edited.length);
    }

    @Test
    void replaceHeaderLeavesOneMessageIdAtTheEndOfTheHeaders() {
        byte[] edited = RawMessageEditor.replaceHeader(
                raw(
                        "Message-ID: <original@shop.example>",
                        "From: orders@shop.example",
                        "message-id: <second@shop.example>",
                        " (folded comment)",
                        "Subject: Hi",
                        "",
                        "Message-ID: <in-the-body@shop.example>"),
                "Message-ID",
                "<copy-1@postage.example>");
        assertEquals(
                text(raw(
                        "From: orders@shop.example",
                        "Subject: Hi",
                        "Message-ID: <copy-1@postage.example>",
                        "",
                        "Message-ID: <in-the-body@shop.example>")),
                text(edited));
    }

    @Test
    void replaceHeaderAddsTheHeaderWhenThereWasNone() {
        byte[] edited = RawMessageEditor.replaceHeader(raw("Subject: Hi", "", "body"), "Message-ID", "<n@p.example>");
        assertEquals(text(raw("Subject: Hi", "Message-ID: <n@p.example>", "", "body")), text(edited));
    }

    @Test
    void aMessageWithoutHeadersGetsTheHeaderFirst() {
        byte[] edited = RawMessageEditor.replaceHeader(raw("", "body"), "Message-ID", "<n@p.example>");
        assertEquals(text(raw("Message-ID: <n@p.example>", "", "body")), text(edited));
    }

    @Test
    void aMessageWithoutBodyOrFinalLineBreakGetsACompleteHeaderLine() {
        byte[] edited = RawMessageEditor.replaceHeader(
                "Subject: Hi".getBytes(StandardCharsets.US_ASCII), "Message-ID", "<n@p.example>");
        assertEquals("Subject: Hi\r\nMessage-ID: <n@p.example>\r\n", text(edited));
        byte[] replaced = RawMessageEditor.replaceHeader(
                "Subject: Hi\r\nMessage-ID: <old>".getBytes(StandardCharsets.US_ASCII), "Message-ID", "<n@p.example>");
        assertEquals("Subject: Hi\r\nMessage-ID: <n@p.example>\r\n", text(replaced));
    }

    @Test
    void aValueThatWouldAddAnotherHeaderIsRefused() {
        byte[] message = raw("Subject: Hi", "", "body");
        assertThrows(
                IllegalArgumentException.class,
                () -> RawMessageEditor.replaceHeader(message, "Message-ID", "<a@b>\r\nBcc: victim@example.com"));
        assertThrows(
                IllegalArgumentException.class,
                () -> RawMessageEditor.replaceHeader(message, "Message-ID", "<caf\u00e9@b>"));
        assertThrows(
                IllegalArgumentException.class, () -> RawMessageEditor.replaceHeader(message, "Message ID", "<a@b>"));
        assertThrows(IllegalArgumentException.class, () -> RawMessageEditor.removeHeadersWithPrefix(message, ""));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
