package org.postage.smtp.server.command;

import java.io.IOException;
import org.postage.api.SmtpReplies;

/** Reads credentials for the two mechanisms offered, both only over TLS. */
final class SaslMechanisms {

    record Credentials(String username, String password) {}

    private static final String USERNAME_CHALLENGE = "VXNlcm5hbWU6"; // "Username:"
    private static final String PASSWORD_CHALLENGE = "UGFzc3dvcmQ6"; // "Password:"

    private SaslMechanisms() {}

    /** PLAIN (RFC 4616): authzid NUL authcid NUL password; acting as someone else (an authzid) is not supported. */
    static Credentials plain(SaslExchange exchange, String initialResponse)
            throws IOException, InvalidArgumentsException, SaslExchange.ClientGone {
        byte[] message = initialResponse != null ? SaslExchange.decode(initialResponse) : exchange.challenge("");
        int first = indexOf(message, 0);
        int second = first < 0 ? -1 : indexOf(message, first + 1);
        if (second < 0 || indexOf(message, second + 1) >= 0) {
            throw new InvalidArgumentsException(SmtpReplies.AUTH_MALFORMED);
        }
        String authzid = SaslExchange.utf8(message, 0, first);
        String username = SaslExchange.utf8(message, first + 1, second - first - 1);
        String password = SaslExchange.utf8(message, second + 1, message.length - second - 1);
        if (username.isEmpty()) {
            throw new InvalidArgumentsException(SmtpReplies.AUTH_MALFORMED);
        }
        if (!authzid.isEmpty() && !authzid.equals(username)) {
            throw new InvalidArgumentsException(SmtpReplies.AUTH_FAILED);
        }
        return new Credentials(username, password);
    }

    /** LOGIN (draft-murchison-sasl-login): username and password in two challenges; the first may come inline. */
    static Credentials login(SaslExchange exchange, String initialResponse)
            throws IOException, InvalidArgumentsException, SaslExchange.ClientGone {
        byte[] username =
                initialResponse != null ? SaslExchange.decode(initialResponse) : exchange.challenge(USERNAME_CHALLENGE);
        byte[] password = exchange.challenge(PASSWORD_CHALLENGE);
        if (username.length == 0) {
            throw new InvalidArgumentsException(SmtpReplies.AUTH_MALFORMED);
        }
        return new Credentials(
                SaslExchange.utf8(username, 0, username.length), SaslExchange.utf8(password, 0, password.length));
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
