package org.postage.domain.submission;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header section of a raw message (RFC 5322 2.2), read byte by byte: its fields in order, each with the byte range
 * it occupies including folded continuation lines, so that callers can cut fields out without touching the rest. The
 * section ends at the first empty line; input lines end in CRLF (the SMTP layer normalises them).
 */
final class HeaderBlock {

    /**
     * One header field. {@code name} is null when the line is not a header field (no colon, or a name with characters
     * RFC 5322 3.6.8 does not allow); {@code value} is the text after the colon, unfolded but not trimmed. The field
     * occupies {@code raw[start, end)}, its final CRLF included.
     */
    record Field(String name, String value, int start, int end) {

        boolean isNamed(String other) {
            return name != null && name.equalsIgnoreCase(other);
        }

        boolean hasNamePrefix(String prefix) {
            return name != null && name.regionMatches(true, 0, prefix, 0, prefix.length());
        }
    }

    private final List<Field> fields;
    private final int end;

    private HeaderBlock(List<Field> fields, int end) {
        this.fields = fields;
        this.end = end;
    }

    static HeaderBlock of(byte[] raw) {
        List<Field> fields = new ArrayList<>();
        int fieldStart = -1;
        int pos = 0;
        while (pos < raw.length) {
            int lineEnd = nextLineEnd(raw, pos);
            if (lineEnd == pos + 2 && raw[pos] == '\r') {
                break; // the empty line that ends the header section
            }
            boolean continuation = (raw[pos] == ' ' || raw[pos] == '\t') && fieldStart >= 0;
            if (!continuation) {
                if (fieldStart >= 0) {
                    fields.add(field(raw, fieldStart, pos));
                }
                fieldStart = pos;
            }
            pos = lineEnd;
        }
        if (fieldStart >= 0) {
            fields.add(field(raw, fieldStart, pos));
        }
        return new HeaderBlock(List.copyOf(fields), pos);
    }

    /** All fields, malformed lines included, in message order. */
    List<Field> fields() {
        return fields;
    }

    /** The fields with this name, case-insensitively, in message order. */
    List<Field> named(String name) {
        return fields.stream().filter(f -> f.isNamed(name)).toList();
    }

    /** Where the header section ends: the offset of the empty line, or the message length when there is none. */
    int end() {
        return end;
    }

    /** Offset just past the next CRLF from {@code pos}, or the end of {@code raw} when no CRLF follows. */
    private static int nextLineEnd(byte[] raw, int pos) {
        for (int i = pos; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i + 2;
            }
        }
        return raw.length;
    }

    private static Field field(byte[] raw, int start, int end) {
        int colon = -1;
        for (int i = start; i < end && raw[i] != '\r'; i++) {
            if (raw[i] == ':') {
                colon = i;
                break;
            }
        }
        int valueEnd = end >= start + 2 && raw[end - 2] == '\r' && raw[end - 1] == '\n' ? end - 2 : end;
        if (colon < 0) {
            return new Field(null, text(raw, start, valueEnd), start, end);
        }
        int nameEnd = colon;
        while (nameEnd > start && (raw[nameEnd - 1] == ' ' || raw[nameEnd - 1] == '\t')) {
            nameEnd--; // "Subject :" is the obsolete syntax of RFC 5322 4.5; still the field Subject
        }
        String value = text(raw, colon + 1, valueEnd);
        return nameEnd > start && isFieldName(raw, start, nameEnd)
                ? new Field(new String(raw, start, nameEnd - start, StandardCharsets.US_ASCII), value, start, end)
                : new Field(null, text(raw, start, valueEnd), start, end);
    }

    private static boolean isFieldName(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] < 33 || raw[i] > 126) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes as text with folding CRLFs removed. 8-bit bytes are read as UTF-8 when they are valid UTF-8, which is
     * what clients that put raw non-ASCII in headers mean; otherwise as Latin-1, which cannot fail.
     */
    private static String text(byte[] raw, int from, int to) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw, from, to - from)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return text.replace("\r\n", "");
    }
}
