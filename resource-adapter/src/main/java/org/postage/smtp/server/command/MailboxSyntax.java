package org.postage.smtp.server.command;

/**
 * RFC 5321 4.1.2 mailbox syntax, ASCII only (SMTPUTF8 is not offered): a dot-atom or quoted local part of at most
 * 64 octets, then a domain name or an address literal.
 */
final class MailboxSyntax {

    private static final int MAX_MAILBOX = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private MailboxSyntax() {}

    static boolean isValid(String mailbox) {
        if (mailbox.isEmpty() || mailbox.length() > MAX_MAILBOX) {
            return false;
        }
        int at = mailbox.lastIndexOf('@');
        if (at <= 0 || at == mailbox.length() - 1) {
            return false;
        }
        String local = mailbox.substring(0, at);
        String domain = mailbox.substring(at + 1);
        return local.length() <= MAX_LOCAL_PART && isValidLocalPart(local) && isValidDomain(domain);
    }

    private static boolean isValidLocalPart(String local) {
        return local.charAt(0) == '"' ? isQuotedString(local) : isDotAtom(local);
    }

    private static boolean isDotAtom(String text) {
        boolean atomStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (atomStart) {
                    return false;
                }
                atomStart = true;
            } else if (isAtext(c)) {
                atomStart = false;
            } else {
                return false;
            }
        }
        return !atomStart;
    }

    private static boolean isQuotedString(String text) {
        if (text.length() < 2 || text.charAt(text.length() - 1) != '"') {
            return false;
        }
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                if (i >= text.length() - 1 || !isPrintable(text.charAt(i))) {
                    return false;
                }
            } else if (c == '"' || !isPrintable(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidDomain(String domain) {
        if (domain.startsWith("[")) {
            return isAddressLiteral(domain);
        }
        if (domain.length() > MAX_DOMAIN) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** "[192.0.2.1]" or "[IPv6:2001:db8::1]"; the parts are checked loosely, delivery checks them for real. */
    private static boolean isAddressLiteral(String domain) {
        if (domain.length() < 3 || !domain.endsWith("]")) {
            return false;
        }
        for (int i = 1; i < domain.length() - 1; i++) {
            char c = domain.charAt(i);
            if (!(isLetterOrDigit(c) || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAtext(char c) {
        return isLetterOrDigit(c) || ATEXT_SPECIALS.indexOf(c) >= 0;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isPrintable(char c) {
        return c >= 32 && c <= 126;
    }
}
