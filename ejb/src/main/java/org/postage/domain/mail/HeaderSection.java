package org.postage.domain.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * The header section of a raw message (RFC 5322 2.2), read once, byte by byte: its fields in message order, each
 * with the exact bytes it occupies, folded continuation lines included, and where the body starts. Nothing is copied
 * and nothing is decoded; text comes only from {@link HeaderField#value()} and {@link HeaderField#text()}.
 *
 * <p>Line ends: only CRLF ends a line. The resource adapter turns every bare CR and bare LF into CRLF before a
 * message is accepted, so stored messages hold no other; should one arrive anyway, a bare CR or LF is an ordinary
 * byte of the line it is in (such input reads as fewer, longer lines, never as a failure). Every step reads at
 * least one byte, so any input ends.
 *
 * <p>Charsets: 8-bit bytes stay as they are in {@link HeaderField#bytes()}; see {@link HeaderField#value()} for the
 * one decoding rule.
 *
 * <p>The section ends at the first empty line; a message without one is header section to its last byte, and its
 * body is empty. Immutable; it reads the caller's array, which must not change afterwards.
 */
public final class HeaderSection {

    private final List<HeaderField> fields;
    private final int end;
    private final int bodyOffset;

    private HeaderSection(List<HeaderField> fields, int end, int bodyOffset) {
        this.fields = fields;
        this.end = end;
        this.bodyOffset = bodyOffset;
    }

    /** @param raw a whole message, or only its header section */
    public static HeaderSection parse(byte[] raw) {
        List<HeaderField> fields = new ArrayList<>();
        int fieldStart = -1;
        int fieldTextEnd = -1; // where the current field's last line ends, before its CRLF
        int pos = 0;
        while (pos < raw.length) {
            int crlf = indexOfCrlf(raw, pos);
            int lineEnd = crlf < 0 ? raw.length : crlf;
            int next = crlf < 0 ? raw.length : crlf + 2;
            if (lineEnd == pos) {
                if (fieldStart >= 0) {
                    fields.add(HeaderField.of(raw, fieldStart, fieldTextEnd, pos));
                }
                return new HeaderSection(List.copyOf(fields), pos, next); // the empty line; the body follows it
            }
            // A continuation line before any field has nothing to continue: it is a (nameless) field of its own.
            boolean continuation = (raw[pos] == ' ' || raw[pos] == '\t') && fieldStart >= 0;
            if (!continuation) {
                if (fieldStart >= 0) {
                    fields.add(HeaderField.of(raw, fieldStart, fieldTextEnd, pos));
                }
                fieldStart = pos;
            }
            fieldTextEnd = lineEnd;
            pos = next;
        }
        if (fieldStart >= 0) {
            fields.add(HeaderField.of(raw, fieldStart, fieldTextEnd, pos));
        }
        return new HeaderSection(List.copyOf(fields), raw.length, raw.length);
    }

    /** All fields, lines that are not header fields included, in message order. */
    public List<HeaderField> fields() {
        return fields;
    }

    /** The fields with this name, case-insensitively, in message order. */
    public List<HeaderField> named(String name) {
        return fields.stream().filter(f -> f.isNamed(name)).toList();
    }

    /** Where the header section ends: the offset of the empty line, or the message length when there is none. */
    public int end() {
        return end;
    }

    /** Where the body starts: just after the empty line, or the message length when there is none. */
    public int bodyOffset() {
        return bodyOffset;
    }

    private static int indexOfCrlf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
