package org.postage.domain.submission;

/**
 * Text from a submitted message made fit for an SMTP reply line or an NDR: printable ASCII on one line, bounded.
 * A header value can hold anything (CR, LF, 8-bit bytes, a kilobyte of text); echoed raw it could break the reply.
 */
final class ReplyText {

    /** How much of an offending value a reason quotes: enough to recognise it. */
    static final int QUOTED_LENGTH = 40;

    private ReplyText() {}

    /** {@code text} with line breaks and tabs as spaces, every other non-printable or non-ASCII code point as '?'. */
    static String line(String text, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
        text.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else if (c == '\r' || c == '\n' || c == '\t') {
                out.append(' ');
            } else {
                out.append('?');
            }
        });
        if (out.length() <= maxLength) {
            return out.toString();
        }
        return out.substring(0, maxLength - 3) + "...";
    }

    /** The value in single quotes, shortened to {@link #QUOTED_LENGTH} characters. */
    static String quote(String value) {
        return "'" + line(value, QUOTED_LENGTH) + "'";
    }
}
