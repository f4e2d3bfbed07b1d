package org.postage.smtp.server.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyTranslatingOutputStreamTest {

    /** Counts the writes that reach the socket, to check a reply leaves in one piece. */
    private static final class Wire extends ByteArrayOutputStream {
        int writes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }

        String text() {
            return toString(StandardCharsets.ISO_8859_1);
        }
    }

    private final Wire wire = new Wire();
    // Exactly how subethasmtp's Session writes: a PrintWriter, print(reply + CRLF), flush.
    private final PrintWriter session = new PrintWriter(new ReplyTranslatingOutputStream(wire));

    @ParameterizedTest(name = "\"{0}\" becomes \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "500 Error: command not implemented|500 5.5.1 Command not recognised",
                "500 Error: bad syntax|500 5.5.1 Command not recognised",
                "421 Timeout waiting for data from client.|421 4.4.2 Idle timeout, closing connection",
                "421 Too many connections, try again later|421 4.7.0 Too many connections, try again later",
                "501 Input line length is too long!|500 5.5.6 Line too long",
                "501 Syntax error: invalid character encoding.|501 5.5.2"
                        + " Syntax error: invalid character encoding in command",
                "501 Syntax error at character position 4. CR and LF must be CRLF paired.  See RFC 2821 #2.7.1."
                        + "|501 5.5.2 Syntax error: command lines must end with CRLF"
            })
    void subethasmtpsHardCodedRepliesGetEnhancedStatusCodes(String legacy, String expected) {
        send(legacy);
        assertEquals(expected + "\r\n", wire.text());
    }

    @Test
    void everyOtherReplyPassesUnchangedAndAMultiLineReplyLeavesInOneWrite() {
        String ehlo = "250-mx.example\r\n250-PIPELINING\r\n250 STARTTLS";
        send(ehlo);
        send("550 5.7.1 Error: command not implemented, says the listener");

        assertEquals(ehlo + "\r\n550 5.7.1 Error: command not implemented, says the listener\r\n", wire.text());
        assertEquals(2, wire.writes);
    }

    @Test
    void aPartialLineIsNotHeldBackOnFlush() throws IOException {
        ReplyTranslatingOutputStream out = new ReplyTranslatingOutputStream(wire);
        out.write("334 ".getBytes(StandardCharsets.US_ASCII));
        out.flush();

        assertEquals("334 ", wire.text());
    }

    private void send(String reply) {
        session.print(reply + "\r\n");
        session.flush();
    }
}
