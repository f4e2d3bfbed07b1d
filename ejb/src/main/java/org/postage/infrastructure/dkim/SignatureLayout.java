package org.postage.infrastructure.dkim;

import java.util.List;

/**
 * Folds the DKIM-Signature field into lines of at most 78 characters (RFC 5322 2.1.1). Folding happens only where
 * relaxed canonicalisation cannot see it: a space between tags becomes CRLF and a tab, the list of signed fields
 * breaks after a colon (both signer and verifier see the same text there), and the {@code b=} value, which the
 * verifier removes before hashing, is cut anywhere.
 */
final class SignatureLayout {

    static final int MAX_LINE = 78;
    private static final String FOLD = "\r\n\t";
    /** "\tb=" plus this, or "\t" plus this and the final ";", always fits. */
    private static final int SIGNATURE_CHUNK = 74;

    private SignatureLayout() {}

    /**
     * The {@code h=} value for the given field names, already folded: it is part of what is signed, so it cannot
     * be folded afterwards. Assumes the tag starts a line, as {@link #fold} places it.
     */
    static String signedFieldList(List<String> names) {
        StringBuilder out = new StringBuilder();
        int column = "\th=".length();
        for (int i = 0; i < names.size(); i++) {
            String piece = names.get(i) + (i < names.size() - 1 ? ":" : ";");
            if (i > 0 && column + piece.length() > MAX_LINE) {
                out.append(FOLD);
                column = 1;
            }
            out.append(piece);
            column += piece.length();
        }
        // The ";" only reserved room on the last line; the tag list adds its own.
        return out.substring(0, out.length() - 1);
    }

    /** @param field {@code DKIM-Signature:} followed by {@code " tag=value;"} for each tag, as jDKIM renders it */
    static String fold(String field) {
        int colon = field.indexOf(':');
        String[] tags = field.substring(colon + 1).trim().split("; ");
        StringBuilder out = new StringBuilder(field.length() + 64).append(field, 0, colon + 1);
        int column = colon + 1;
        for (String tag : tags) {
            String text = tag.endsWith(";") ? tag : tag + ";";
            if (text.startsWith("b=")) {
                appendSignature(out, text.substring(2, text.length() - 1));
                continue;
            }
            boolean ownLine = text.startsWith("h=") || text.startsWith("bh=") || text.contains("\r\n");
            if (ownLine || column + 1 + text.length() > MAX_LINE) {
                out.append(FOLD).append(text);
                int lastBreak = text.lastIndexOf("\r\n");
                column = lastBreak < 0 ? 1 + text.length() : text.length() - (lastBreak + 2);
            } else {
                out.append(' ').append(text);
                column += 1 + text.length();
            }
        }
        return out.toString();
    }

    private static void appendSignature(StringBuilder out, String base64) {
        out.append(FOLD).append("b=");
        for (int i = 0; i < base64.length(); i += SIGNATURE_CHUNK) {
            if (i > 0) {
                out.append(FOLD);
            }
            out.append(base64, i, Math.min(base64.length(), i + SIGNATURE_CHUNK));
        }
        out.append(';');
    }
}
