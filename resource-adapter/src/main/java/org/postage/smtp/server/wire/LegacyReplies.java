package org.postage.smtp.server.wire;

import java.util.Map;
import java.util.Optional;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;

/**
 * The replies subethasmtp 7.2.2 sends by itself, outside any command Postage can replace, and what Postage sends
 * instead. Matching is on the exact line, so a listener's reply is never touched.
 */
final class LegacyReplies {

    private static final Map<String, Reply> EXACT = Map.of(
            // CommandHandler: a verb that no command is registered for, and a line shorter than four characters.
            "500 Error: command not implemented", SmtpReplies.UNKNOWN_COMMAND,
            "500 Error: bad syntax", SmtpReplies.UNKNOWN_COMMAND,
            // Session: the connection limit, the read timeout, and command lines it cannot parse.
            "421 Too many connections, try again later", SmtpReplies.TOO_MANY_CONNECTIONS,
            "421 Timeout waiting for data from client.", SmtpReplies.TIMEOUT,
            "501 Input line length is too long!", SmtpReplies.LINE_TOO_LONG,
            "501 Syntax error: invalid character encoding.", SmtpReplies.INVALID_COMMAND_ENCODING);

    /** Session: "501 Syntax error at character position N. CR and LF must be CRLF paired. ..." */
    private static final String BARE_LINE_ENDING_PREFIX = "501 Syntax error at character position ";

    private LegacyReplies() {}

    /** The replacement for one reply line (without CRLF), or empty to send it unchanged. */
    static Optional<String> translate(String line) {
        Reply reply = EXACT.get(line);
        if (reply == null && line.startsWith(BARE_LINE_ENDING_PREFIX)) {
            reply = SmtpReplies.BARE_LINE_ENDING;
        }
        return Optional.ofNullable(reply).map(Reply::toString);
    }
}
