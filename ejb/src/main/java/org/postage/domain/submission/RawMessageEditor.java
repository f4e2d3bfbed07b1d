package org.postage.domain.submission;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.postage.domain.mail.HeaderField;
import org.postage.domain.mail.HeaderSection;

/**
 * Header edits on the raw bytes of a message. Everything outside the edited fields, the body above all, is copied byte
 * for byte: writing a parsed MimeMessage back out could re-encode parts and break signatures such as DKIM's body hash.
 * Input lines end in CRLF and the header section ends at the first empty line.
 */
public final class RawMessageEditor {

    private RawMessageEditor() {}

    /** Removes every field whose name starts with {@code prefix} (case-insensitive), with its continuation lines. */
    public static byte[] removeHeadersWithPrefix(byte[] raw, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("an empty prefix would remove every header");
        }
        return rewrite(raw, f -> f.hasNamePrefix(prefix), null);
    }

    /**
     * Removes every field named {@code name} (case-insensitive) and adds one {@code name: value} at the end of the
     * header section, as each outgoing copy needs its own Message-ID.
     */
    public static byte[] replaceHeader(byte[] raw, String name, String value) {
        requireFieldName(name);
        requireHeaderValue(value);
        return rewrite(raw, f -> f.isNamed(name), (name + ": " + value + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] rewrite(byte[] raw, Predicate<HeaderField> drop, byte[] append) {
        HeaderSection headers = HeaderSection.parse(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + (append == null ? 0 : append.length + 2));
        int copied = 0;
        int kept = 0; // where the last kept header byte ends in raw
        for (HeaderField field : headers.fields()) {
            if (drop.test(field)) {
                out.write(raw, copied, field.start() - copied);
                copied = field.end();
            } else {
                kept = field.end();
            }
        }
        int end = headers.end();
        out.write(raw, copied, end - copied);
        if (append != null) {
            if (kept > 0 && raw[kept - 1] != '\n') {
                out.write('\r'); // the kept last header line had no CRLF (a message without body or final line break)
                out.write('\n');
            }
            out.write(append, 0, append.length);
        }
        out.write(raw, end, raw.length - end);
        return out.toByteArray();
    }

    private static void requireFieldName(String name) {
        if (name == null || name.isEmpty() || !name.chars().allMatch(c -> c >= 33 && c <= 126 && c != ':')) {
            throw new IllegalArgumentException("not a header field name: " + name);
        }
    }

    /** A value we write must not smuggle in a line break (a second header) or 8-bit bytes (RFC 2047 encode first). */
    private static void requireHeaderValue(String value) {
        if (value == null || !value.chars().allMatch(c -> c == '\t' || (c >= 32 && c <= 126))) {
            throw new IllegalArgumentException("not a one-line ASCII header value: " + value);
        }
    }
}
