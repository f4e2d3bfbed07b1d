package org.postage.smtp.server.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;

/**
 * The arguments of MAIL and RCPT: {@code FROM:<path> [params]} or {@code TO:<path> [params]}.
 *
 * @param address    the mailbox, or the empty string for the null path {@code <>}
 * @param parameters ESMTP parameters by upper-case keyword; the value is null for a bare keyword
 */
record PathArguments(String address, Map<String, String> parameters) {

    /**
     * @param keyword    "FROM:" or "TO:"
     * @param badAddress the reply for a path that is not a valid mailbox
     */
    static PathArguments parse(String arguments, String keyword, Reply badAddress) throws InvalidArgumentsException {
        if (!arguments.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new InvalidArgumentsException(SmtpReplies.SYNTAX_ERROR);
        }
        // Lenient about a space after the colon: common clients send one.
        String rest = arguments.substring(keyword.length()).stripLeading();
        if (rest.isEmpty() || rest.charAt(0) != '<') {
            throw new InvalidArgumentsException(badAddress);
        }
        int close = closingBracket(rest);
        if (close < 0) {
            throw new InvalidArgumentsException(badAddress);
        }
        String address = withoutSourceRoute(rest.substring(1, close), badAddress);
        if (!address.isEmpty() && !MailboxSyntax.isValid(address)) {
            throw new InvalidArgumentsException(badAddress);
        }
        return new PathArguments(address, parameters(rest.substring(close + 1)));
    }

    /** The '>' that closes the path; a quoted local part may contain '>'. */
    private static int closingBracket(String text) {
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 5321 4.1.2: a source route ("@a,@b:user@c") must be accepted and ignored. */
    private static String withoutSourceRoute(String path, Reply badAddress) throws InvalidArgumentsException {
        if (!path.startsWith("@")) {
            return path;
        }
        int colon = path.indexOf(':');
        if (colon < 0) {
            throw new InvalidArgumentsException(badAddress);
        }
        return path.substring(colon + 1);
    }

    private static Map<String, String> parameters(String text) throws InvalidArgumentsException {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return parameters;
        }
        if (text.charAt(0) != ' ') {
            throw new InvalidArgumentsException(SmtpReplies.SYNTAX_ERROR);
        }
        for (String token : text.strip().split(" +")) {
            int equals = token.indexOf('=');
            String keyword = (equals < 0 ? token : token.substring(0, equals)).toUpperCase(Locale.ROOT);
            String value = equals < 0 ? null : token.substring(equals + 1);
            if (!isKeyword(keyword) || (value != null && !isValue(value)) || parameters.containsKey(keyword)) {
                throw new InvalidArgumentsException(SmtpReplies.SYNTAX_ERROR);
            }
            parameters.put(keyword, value);
        }
        return parameters;
    }

    private static boolean isKeyword(String keyword) {
        return keyword.matches("[A-Z0-9][A-Z0-9-]*");
    }

    private static boolean isValue(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= 33 && c <= 126 && c != '=');
    }
}
