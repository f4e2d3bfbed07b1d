package org.postage.domain.mail;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Makes a message with 8-bit bytes in its body fit a next hop that did not offer 8BITMIME (RFC 6152 3), as Postfix
 * does: each leaf part that holds 8-bit bytes under an identity encoding (7bit, 8bit, binary or none) is encoded
 * again, quoted-printable for text and base64 for anything else, and its Content-Transfer-Encoding field says so;
 * multiparts and message/rfc822 parts are walked, and their own 8bit label becomes 7bit. Every other byte stays as
 * it was, parts without 8-bit bytes included, so the result reads (decoded) exactly as the original.
 *
 * <p>What cannot be converted is refused with a reason ({@link NotConvertible}): 8-bit bytes in a header field (they
 * need SMTPUTF8, not 8BITMIME, and a field cannot be re-encoded without knowing its syntax), in a multipart's
 * preamble or epilogue, in a part that claims to be quoted-printable or base64 already, or under a content type that
 * must be 7-bit (message/partial, message/external-body).
 */
public final class SevenBitConversion {

    /** Encodings that leave bytes as they are: only these can hold 8-bit bytes legitimately (RFC 2045 6). */
    private static final List<String> IDENTITY = List.of("7bit", "8bit", "binary");

    private static final String CTE = "Content-Transfer-Encoding";
    private static final int MAX_DEPTH = 32;
    /** RFC 2045 6.7 (5): encoded lines are at most 76 characters, the soft line break's "=" included. */
    private static final int QP_LINE = 76;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private SevenBitConversion() {}

    /** Why a message cannot be made 7-bit; the message says so in words for the admin API. */
    public static final class NotConvertible extends Exception {

        NotConvertible(String reason) {
            super(reason);
        }
    }

    public static boolean hasEightBitBytes(byte[] raw) {
        return hasEightBitBytes(raw, 0, raw.length);
    }

    /**
     * @param raw a whole message with CRLF line ends
     * @return {@code raw} itself when it holds no 8-bit byte, else the converted message, which holds none
     * @throws NotConvertible when some 8-bit byte cannot be encoded away
     */
    public static byte[] convert(byte[] raw) throws NotConvertible {
        return hasEightBitBytes(raw) ? entity(raw, 0) : raw;
    }

    /** One entity (a message, or a part of a multipart): its header section, an empty line, its body. */
    private static byte[] entity(byte[] entity, int depth) throws NotConvertible {
        if (!hasEightBitBytes(entity)) {
            return entity;
        }
        if (depth > MAX_DEPTH) {
            throw new NotConvertible("its MIME structure is nested more than " + MAX_DEPTH + " levels deep");
        }
        HeaderSection headers = HeaderSection.parse(entity);
        for (HeaderField field : headers.fields()) {
            if (field.hasEightBitBytes()) {
                throw new NotConvertible("the header field " + describe(field)
                        + " has 8-bit bytes, which only a next hop with SMTPUTF8 takes");
            }
        }
        byte[] body = Arrays.copyOfRange(entity, headers.bodyOffset(), entity.length);
        ContentType type = contentType(headers);
        String encoding = transferEncoding(headers);
        if (!IDENTITY.contains(encoding)) {
            throw new NotConvertible("a " + type.getBaseType() + " part declared " + encoding
                    + " holds 8-bit bytes, which that encoding does not allow");
        }
        String newEncoding;
        if (type.match("multipart/*")) {
            String boundary = type.getParameter("boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw new NotConvertible("a " + type.getBaseType() + " part has no boundary parameter");
            }
            body = multipart(body, boundary, depth);
            newEncoding = "7bit";
        } else if (type.match("message/rfc822")) {
            body = entity(body, depth + 1);
            newEncoding = "7bit";
        } else if (type.match("message/global")) {
            // RFC 6532 3.5: a message/global part may be encoded like any other content.
            body = base64(body);
            newEncoding = "base64";
        } else if (type.getPrimaryType().equalsIgnoreCase("message")) {
            throw new NotConvertible("a " + type.getBaseType() + " part, which must be 7-bit, holds 8-bit bytes");
        } else if (type.getPrimaryType().equalsIgnoreCase("text")) {
            body = quotedPrintable(body);
            newEncoding = "quoted-printable";
        } else {
            body = base64(body);
            newEncoding = "base64";
        }
        return withBody(entity, headers, newEncoding, body);
    }

    /**
     * The header section with {@code Content-Transfer-Encoding: encoding} in place of the first such field (later
     * ones dropped), or added at its end; then the empty line and the body. A container part without the field is
     * 7bit already and gets none.
     */
    private static byte[] withBody(byte[] entity, HeaderSection headers, String encoding, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(headers.bodyOffset() + body.length + 64);
        byte[] field = (CTE + ": " + encoding + "\r\n").getBytes(StandardCharsets.US_ASCII);
        boolean written = false;
        for (HeaderField f : headers.fields()) {
            if (f.isNamed(CTE)) {
                if (!written) {
                    out.writeBytes(field);
                    written = true;
                }
            } else {
                out.write(entity, f.start(), f.end() - f.start());
            }
        }
        if (!written && !encoding.equals("7bit")) {
            out.writeBytes(field);
        }
        out.write(entity, headers.end(), headers.bodyOffset() - headers.end()); // the empty line
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * The body of a multipart, each part converted on its own. A delimiter line is {@code --boundary} (or {@code
     * --boundary--} for the last) at the start of a line, perhaps followed by spaces; the CRLF before it belongs to
     * it (RFC 2046 5.1.1), so a part ends before that CRLF.
     */
    private static byte[] multipart(byte[] body, String boundary, int depth) throws NotConvertible {
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / 2);
        int partStart = -1; // where the current part starts; -1 in the preamble
        int pos = 0;
        while (true) {
            int crlf = indexOfCrlf(body, pos);
            int lineEnd = crlf < 0 ? body.length : crlf;
            int next = crlf < 0 ? body.length : crlf + 2;
            int kind = delimiter(body, pos, lineEnd, dash);
            if (kind != NOT_DELIMITER) {
                int delimiterStart = pos == 0 ? 0 : pos - 2;
                if (partStart < 0) {
                    sevenBitOnly(body, 0, delimiterStart, "preamble");
                    out.write(body, 0, delimiterStart);
                } else {
                    delimiterStart = Math.max(delimiterStart, partStart); // an empty part
                    out.writeBytes(entity(Arrays.copyOfRange(body, partStart, delimiterStart), depth + 1));
                }
                out.write(body, delimiterStart, next - delimiterStart);
                partStart = next;
                if (kind == CLOSE_DELIMITER) {
                    sevenBitOnly(body, next, body.length, "epilogue");
                    out.write(body, next, body.length - next);
                    return out.toByteArray();
                }
            }
            if (crlf < 0) {
                break;
            }
            pos = next;
        }
        if (partStart < 0) {
            throw new NotConvertible("a multipart body has no line with its boundary");
        }
        // No closing delimiter: the last part runs to the end, as readers take it.
        out.writeBytes(entity(Arrays.copyOfRange(body, partStart, body.length), depth + 1));
        return out.toByteArray();
    }

    private static final int NOT_DELIMITER = 0;
    private static final int DELIMITER = 1;
    private static final int CLOSE_DELIMITER = 2;

    private static int delimiter(byte[] body, int from, int to, byte[] dash) {
        if (to - from < dash.length || !Arrays.equals(body, from, from + dash.length, dash, 0, dash.length)) {
            return NOT_DELIMITER;
        }
        int i = from + dash.length;
        int kind = DELIMITER;
        if (i + 1 < to && body[i] == '-' && body[i + 1] == '-') {
            kind = CLOSE_DELIMITER;
            i += 2;
        }
        for (; i < to; i++) {
            if (body[i] != ' ' && body[i] != '\t') {
                return NOT_DELIMITER; // another, longer boundary, or text that starts like one
            }
        }
        return kind;
    }

    private static void sevenBitOnly(byte[] body, int from, int to, String where) throws NotConvertible {
        if (hasEightBitBytes(body, from, to)) {
            throw new NotConvertible("a multipart " + where + " has 8-bit bytes");
        }
    }

    /**
     * RFC 2045 6.7: every CRLF is a line break of the text and stays one; other bytes outside printable ASCII, "=",
     * and a space or tab that ends a line are written =XX; lines longer than 76 characters are broken softly.
     */
    static byte[] quotedPrintable(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / 2 + 16);
        int lineLength = 0;
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xff;
            if (b == '\r' && i + 1 < body.length && body[i + 1] == '\n') {
                out.writeBytes(CRLF);
                lineLength = 0;
                i++;
                continue;
            }
            boolean endsLine =
                    i + 1 == body.length || (body[i + 1] == '\r' && i + 2 < body.length && body[i + 2] == '\n');
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !endsLine);
            int width = literal ? 1 : 3;
            // Room for this character and, unless it ends the line, the "=" of a soft break after it.
            if (lineLength + width > (endsLine ? QP_LINE : QP_LINE - 1)) {
                out.write('=');
                out.writeBytes(CRLF);
                lineLength = 0;
            }
            if (literal) {
                out.write(b);
            } else {
                out.write('=');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 0x0f]);
            }
            lineLength += width;
        }
        return out.toByteArray();
    }

    /** Lines of 76 characters; a final CRLF when the body had one, so that the entity still ends a line. */
    private static byte[] base64(byte[] body) {
        byte[] encoded = Base64.getMimeEncoder(QP_LINE, CRLF).encode(body);
        boolean endsWithCrlf = body.length >= 2 && body[body.length - 2] == '\r' && body[body.length - 1] == '\n';
        if (!endsWithCrlf) {
            return encoded;
        }
        byte[] withCrlf = Arrays.copyOf(encoded, encoded.length + 2);
        withCrlf[encoded.length] = '\r';
        withCrlf[encoded.length + 1] = '\n';
        return withCrlf;
    }

    /** Content-Type of the entity; text/plain without one (RFC 2045 5.2). */
    private static ContentType contentType(HeaderSection headers) throws NotConvertible {
        List<HeaderField> fields = headers.named("Content-Type");
        if (fields.isEmpty()) {
            return new ContentType("text", "plain", null);
        }
        try {
            return new ContentType(fields.get(0).value().trim());
        } catch (ParseException e) {
            throw new NotConvertible("a Content-Type field cannot be read ("
                    + quote(fields.get(0).value()) + ")");
        }
    }

    private static String transferEncoding(HeaderSection headers) {
        List<HeaderField> fields = headers.named(CTE);
        return fields.isEmpty() ? "7bit" : fields.get(0).value().trim().toLowerCase(Locale.ROOT);
    }

    private static String describe(HeaderField field) {
        return field.name() == null ? "line " + quote(field.text()) : field.name();
    }

    private static boolean hasEightBitBytes(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] < 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfCrlf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** A value quoted in a reason: trimmed and cut to 60 characters. */
    private static String quote(String value) {
        String v = value.strip();
        return "'" + (v.length() <= 60 ? v : v.substring(0, 57) + "...") + "'";
    }
}
