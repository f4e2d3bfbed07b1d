package org.postage.application.ndr;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.postage.domain.mail.HeaderField;
import org.postage.domain.mail.HeaderSection;

/**
 * The header section of an accepted message: its bytes as received, for the report's last part, and the few
 * fields the report and the policy read, as {@link HeaderSection} finds them. Accepted messages have CRLF line ends
 * and no line over 998 octets (the resource adapter sees to both); a section that breaks either limit anyway is cut
 * before the first field that does, so the part still parses as a header section.
 */
final class OriginalHeaders {

    /** Far more than any real header section; a larger one is cut at a field boundary. */
    static final int MAX_OCTETS = 64 * 1024;

    private static final int MAX_LINE_OCTETS = 998;

    private final byte[] block;
    /** Lower-case name to the unfolded value of its first occurrence. */
    private final Map<String, String> fields;

    private OriginalHeaders(byte[] block, Map<String, String> fields) {
        this.block = block;
        this.fields = fields;
    }

    static OriginalHeaders of(byte[] rawMessage) {
        byte[] raw = rawMessage == null ? new byte[0] : rawMessage;
        HeaderSection section = HeaderSection.parse(raw);
        int end = section.end();
        Map<String, String> fields = new HashMap<>();
        for (HeaderField field : section.fields()) {
            if (field.end() > MAX_OCTETS || field.longestLine() > MAX_LINE_OCTETS) {
                end = field.start(); // whole fields only
                break;
            }
            if (field.name() != null) {
                fields.putIfAbsent(
                        field.name().toLowerCase(Locale.ROOT), field.value().strip());
            }
        }
        return new OriginalHeaders(Arrays.copyOf(raw, end), fields);
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
        String type =
                (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
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
}
