package org.postage.application.ndr;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Text rules for the fields a report writes: values on one line, RFC 5322 dates, RFC 2047 for non-ASCII, and
 * folding so that no line comes near the 998-octet limit of RFC 5322 2.1.1.
 */
final class HeaderText {

    static final String CRLF = "\r\n";

    /** RFC 5322 2.1.1 recommends 78 characters per line; fold there when a space allows it. */
    private static final int FOLD_AT = 78;
    /** A word is never folded inside, so one longer than this is cut to keep its line under 998 octets. */
    private static final int MAX_WORD = 900;

    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private HeaderText() {}

    static String date(ZonedDateTime when) {
        return RFC_5322.format(when);
    }

    /** Caller input on one line: CR, LF and other controls become spaces, so a value can never start a field. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c < 32 || c == 127 ? ' ' : c);
        }
        return out.toString().strip();
    }

    /** For fields that must be US-ASCII (message/delivery-status, RFC 3464 2.1.1): anything else becomes '?'. */
    static String ascii(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 32 && c < 127 ? c : '?');
        }
        return out.toString();
    }

    static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    /** At most {@code max} code points, never splitting a surrogate pair; "..." marks a cut. */
    static String truncate(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max)) + "...";
    }

    /** Unstructured text for a header field: as it is if ASCII, else RFC 2047 encoded words (B, UTF-8). */
    static String unstructured(String s) {
        if (isAscii(s)) {
            return s;
        }
        try {
            // Jakarta Mail separates encoded words with spaces (no folding by default); field() folds there.
            return MimeUtility.encodeText(s, "UTF-8", "B");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /**
     * One header field, folded at spaces near 78 characters, ending in CRLF. The value must already be on one line;
     * runs of spaces become one, which folding would do to them anyway.
     */
    static String field(String name, String value) {
        StringBuilder out = new StringBuilder(name.length() + value.length() + 16)
                .append(name)
                .append(':');
        int lineLength = out.length();
        boolean lineHasWord = false;
        for (String word : value.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            word = truncate(word, MAX_WORD);
            if (lineHasWord && lineLength + 1 + word.length() > FOLD_AT) {
                out.append(CRLF);
                lineLength = 0;
            }
            out.append(' ').append(word);
            lineLength += 1 + word.length();
            lineHasWord = true;
        }
        return out.append(CRLF).toString();
    }
}
