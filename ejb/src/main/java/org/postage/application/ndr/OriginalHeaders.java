package org.postage.application.ndr;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The header section of an accepted message: its bytes as received, for the report's last part, and the few
 * fields the report and the policy read. Accepted messages have CRLF line ends and no line over 998 octets (the
 * resource adapter sees to both); a bare LF still ends a line here, so a malformed input cannot hide the body.
 */
final class OriginalHeaders {

    /** Far more than any real header section; a larger one is cut at a field boundary. */
    static final int MAX_OCTETS = 64 * 1024;
    private static final int MAX_LINE_OCTETS = 998;

    private final byte[] block;
    /** Lower-case name to the unfolded value of its first occurrence. */
    private final Map<String, String> fields;

    private OriginalHeaders(byte[] block) {
        this.block = block;
        this.fields = parse(block);
    }

    static OriginalHeaders of(byte[] rawMessage) {
        byte[] raw = rawMessage == null ? new byte[0] : rawMessage;
        int pos = 0;
        int fieldStart = 0; // where the field being read began: everything before it is whole fields
        while (pos < raw.length) {
            int lf = indexOf(raw, (byte) '\n', pos);
            int next = lf < 0 ? raw.length : lf + 1;
            int contentEnd = lf < 0 ? raw.length : (lf > pos && raw[lf - 1] == '\r' ? lf - 1 : lf);
            if (contentEnd == pos) {
                break; // the empty line between header section and body
            }
            if (raw[pos] != ' ' && raw[pos] != '\t') {
                fieldStart = pos;
            }
            if (next > MAX_OCTETS || contentEnd - pos > MAX_LINE_OCTETS) {
                // Keep whole fields only, so the part still parses as a header section.
                return new OriginalHeaders(Arrays.copyOf(raw, fieldStart));
            }
            pos = next;
        }
        return new OriginalHeaders(Arrays.copyOf(raw, pos));
    }

    /** The header section byte for byte, up to and including the line end of its last field. */
    byte[] block() {
        return block.clone();
    }

    boolean hasEightBitOctets() {
        for (byte b : block) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** The unfolded value of the first field with this name, or "" if there is none. */
    String field(String name) {
        return fields.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** The Subject with RFC 2047 encoded words decoded, on one line. */
    String subject() {
        String raw = field("Subject");
        try {
            return HeaderText.oneLine(MimeUtility.decodeText(raw));
        } catch (UnsupportedEncodingException e) {
            return HeaderText.oneLine(raw); // an unknown charset: the encoded words are still readable enough
        }
    }

    /** The media type of Content-Type in lower case ("text/plain" when absent, RFC 2045 5.2), without parameters. */
    String mediaType() {
        String value = withoutComments(field("Content-Type"));
        int semicolon = value.indexOf(';');
        String type = (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? "text/plain" : type;
    }

    /** The first token of a structured field such as Auto-Submitted, in lower case, without comments or parameters. */
    String token(String name) {
        String value = withoutComments(field(name));
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String withoutComments(String value) {
        // Innermost comments first, until none is left: RFC 5322 comments nest.
        String previous;
        do {
            previous = value;
            value = value.replaceAll("\\([^()]*\\)", " ");
        } while (!value.equals(previous));
        return value;
    }

    private static Map<String, String> parse(byte[] block) {
        // Header text is ASCII, or UTF-8 from clients that ignore RFC 6532's SMTPUTF8 rule; a lost octet only costs a '?'.
        String text = new String(block, StandardCharsets.UTF_8).replaceAll("\r?\n(?=[ \t])", "");
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
