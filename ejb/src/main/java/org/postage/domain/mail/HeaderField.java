package org.postage.domain.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One field of a {@link HeaderSection}: the bytes {@code [start, end)} of the message, its final CRLF included.
 * {@link #name()} is null when the line is not a header field: no colon on its first line, or a name with bytes
 * RFC 5322 3.6.8 does not allow. Such lines are kept, so that callers see them and offsets stay whole.
 */
public final class HeaderField {

    private final byte[] raw;
    private final String name;
    private final int start;
    private final int valueStart;
    private final int textEnd;
    private final int end;

    private HeaderField(byte[] raw, String name, int start, int valueStart, int textEnd, int end) {
        this.raw = raw;
        this.name = name;
        this.start = start;
        this.valueStart = valueStart;
        this.textEnd = textEnd;
        this.end = end;
    }

    /** @param textEnd where its last line ends, before the CRLF; {@code end} is past that CRLF, if any */
    static HeaderField of(byte[] raw, int start, int textEnd, int end) {
        int colon = -1;
        for (int i = start; i < textEnd; i++) {
            if (raw[i] == ':') {
                colon = i;
                break;
            }
            if (raw[i] == '\r' && i + 1 < textEnd && raw[i + 1] == '\n') {
                break; // the name is on the first line
            }
        }
        if (colon < 0) {
            return new HeaderField(raw, null, start, start, textEnd, end);
        }
        int nameEnd = colon;
        while (nameEnd > start && (raw[nameEnd - 1] == ' ' || raw[nameEnd - 1] == '\t')) {
            nameEnd--; // "Subject :" is the obsolete syntax of RFC 5322 4.5 (and RFC 6376 3.4.2): still Subject
        }
        if (nameEnd == start || !isFieldName(raw, start, nameEnd)) {
            return new HeaderField(raw, null, start, start, textEnd, end);
        }
        String name = new String(raw, start, nameEnd - start, StandardCharsets.US_ASCII);
        return new HeaderField(raw, name, start, colon + 1, textEnd, end);
    }

    /** The name as written (its case kept), without whitespace before the colon; null for a line that is no field. */
    public String name() {
        return name;
    }

    public boolean isNamed(String other) {
        return name != null && name.equalsIgnoreCase(other);
    }

    public boolean hasNamePrefix(String prefix) {
        return name != null && name.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** Offset of its first byte in the message. */
    public int start() {
        return start;
    }

    /** Offset just past its final CRLF, or the message length when the message ends inside the field. */
    public int end() {
        return end;
    }

    /** The exact bytes, name and folding included, without the final CRLF: what a DKIM signature covers. */
    public byte[] bytes() {
        return Arrays.copyOfRange(raw, start, textEnd);
    }

    public boolean hasEightBitBytes() {
        for (int i = start; i < textEnd; i++) {
            if (raw[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** Octets in its longest line, line end excluded (RFC 5322 2.1.1 allows 998). */
    public int longestLine() {
        int longest = 0;
        int lineStart = start;
        for (int i = start; i < textEnd; i++) {
            if (raw[i] == '\r' && i + 1 < textEnd && raw[i + 1] == '\n') {
                longest = Math.max(longest, i - lineStart);
                lineStart = i + 2;
            }
        }
        return Math.max(longest, textEnd - lineStart);
    }

    /**
     * The text after the colon, unfolded (every CRLF inside a field is a fold), neither trimmed nor RFC 2047 decoded;
     * for a line that is no field, the same as {@link #text()}. The one decoding rule: 8-bit bytes are read as UTF-8
     * when they are valid UTF-8, which is what clients that put raw non-ASCII in headers mean, and as ISO-8859-1
     * otherwise, which cannot fail. ASCII reads the same either way.
     */
    public String value() {
        return decode(valueStart, textEnd);
    }

    /** The whole field, name included, unfolded and decoded as {@link #value()} is. */
    public String text() {
        return decode(start, textEnd);
    }

    private String decode(int from, int to) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(raw, from, to - from))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return text.replace("\r\n", "");
    }

    private static boolean isFieldName(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] < 33 || raw[i] > 126) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text();
    }
}
