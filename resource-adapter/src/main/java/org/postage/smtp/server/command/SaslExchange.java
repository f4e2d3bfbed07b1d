package org.postage.smtp.server.command;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.server.Session;

/** The challenge and response lines of one AUTH exchange (RFC 4954 4), decoded from base64. */
final class SaslExchange {

    /** The client hung up in the middle of the exchange. */
    static final class ClientGone extends Exception {
        private static final long serialVersionUID = 1L;

        ClientGone() {
            super(null, null, false, false);
        }
    }

    private final Session session;

    SaslExchange(Session session) {
        this.session = session;
    }

    /** Sends a 334 challenge and decodes the client's answer. */
    byte[] challenge(String base64Challenge) throws IOException, InvalidArgumentsException, ClientGone {
        session.sendResponse("334 " + base64Challenge);
        String line = session.getReader().readLine();
        if (line == null) {
            session.quit();
            throw new ClientGone();
        }
        if (line.strip().equals("*")) {
            throw new InvalidArgumentsException(SmtpReplies.AUTH_CANCELLED);
        }
        return decode(line.strip());
    }

    /** An initial response given with the AUTH command; "=" stands for an empty one. */
    static byte[] decode(String base64) throws InvalidArgumentsException {
        if (base64.equals("=")) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentsException(SmtpReplies.AUTH_MALFORMED);
        }
    }

    /** SASL strings are UTF-8 (RFC 4616 2); anything else is malformed, not silently replaced. */
    static String utf8(byte[] bytes, int offset, int length) throws InvalidArgumentsException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidArgumentsException(SmtpReplies.AUTH_MALFORMED);
        }
    }
}
