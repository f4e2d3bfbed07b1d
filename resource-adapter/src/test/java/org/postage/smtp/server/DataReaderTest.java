package org.postage.smtp.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataReaderTest {

    private static final int MAX = 64 * 1024;

    @Test
    void endsAtCrLfDotCrLfAndKeepsTheLastLineEnding() {
        assertEquals("Subject: hi\r\n\r\nbody\r\n", read("Subject: hi\r\n\r\nbody\r\n.\r\n"));
    }

    @Test
    void aDotLineRightAfterTheDataCommandIsAnEmptyMessage() {
        assertEquals("", read(".\r\n"));
    }

    @Test
    void removesTheStuffedDotAtTheStartOfALine() {
        assertEquals(".leading\r\n..two\r\nmid.dle\r\n.\r\n", read("..leading\r\n...two\r\nmid.dle\r\n..\r\n.\r\n"));
    }

    @ParameterizedTest(name = "{0} does not end the message")
    @ValueSource(strings = {"\\n.\\n", "\\r.\\r", "\\n.\\r\\n", "\\r\\n.\\r"})
    void smugglingSequencesAreContentAndTheMessageContinues(String escaped) {
        String sequence = unescape(escaped);
        String wire = "first" + sequence + "MAIL FROM:<evil@example.net>\r\nlast\r\n.\r\n";
        DataReader reader = new DataReader(MAX);
        byte[] bytes = bytes(wire + "QUIT\r\n");

        int consumed = reader.feed(bytes, 0, bytes.length);

        assertTrue(reader.isComplete());
        assertEquals(wire.length(), consumed, "only the real CR LF . CR LF ends the message");
        String content = text(reader.content());
        assertTrue(content.contains("\r\nMAIL FROM:<evil@example.net>\r\nlast\r\n"), content);
        assertFalse(
                Pattern.compile("(?<!\r)\n|\r(?!\n)").matcher(content).find(), "only CRLF line endings: " + content);
    }

    @Test
    void bareCrAndBareLfBecomeCrLf() {
        assertEquals("a\r\nb\r\nc\r\n\r\nd\r\n", read("a\rb\nc\r\rd\r\n.\r\n"));
    }

    @Test
    void aLoneDotEndedByABareLineEndingStaysAsContent() {
        assertEquals("a\r\n.\r\nb\r\n", read("a\n.\nb\r\n.\r\n"));
    }

    @Test
    void nulBytesAreRemovedButStillBreakTheEndSequence() {
        assertEquals("ab\r\n.\r\nc\r\n", read("a\0b\r\n.\0\r\nc\r\n.\r\n"));
    }

    @Test
    void aLineOf998OctetsIsAcceptedAnd999IsFlagged() {
        DataReader ok = new DataReader(MAX);
        feedAll(ok, "x".repeat(998) + "\r\n.\r\n");
        assertFalse(ok.hasLineTooLong());

        DataReader tooLong = new DataReader(MAX);
        feedAll(tooLong, "x".repeat(999) + "\r\nnext\r\n.\r\n");
        assertTrue(tooLong.isComplete(), "reads on to the end sequence");
        assertTrue(tooLong.hasLineTooLong());
    }

    @Test
    void lineLengthIsCountedAfterUnstuffingAndNormalisation() {
        DataReader stuffed = new DataReader(MAX);
        feedAll(stuffed, "." + ".".repeat(998) + "\r\n.\r\n");
        assertFalse(stuffed.hasLineTooLong(), "999 octets on the wire, 998 after unstuffing");

        DataReader bareLf = new DataReader(MAX);
        feedAll(bareLf, "x".repeat(600) + "\n" + "y".repeat(600) + "\r\n.\r\n");
        assertFalse(bareLf.hasLineTooLong(), "a bare LF ends a line");
    }

    @Test
    void aMessageOfExactlyTheMaximumIsAcceptedAndOneOctetMoreIsFlagged() {
        String line = "y".repeat(98) + "\r\n";
        DataReader exact = new DataReader(1000);
        feedAll(exact, line.repeat(10) + ".\r\n");
        assertFalse(exact.isTooBig());
        assertEquals(1000, exact.content().length);

        DataReader over = new DataReader(1000);
        feedAll(over, line.repeat(10) + "z\r\n" + line.repeat(50) + ".\r\n");
        assertTrue(over.isComplete(), "an oversized message is still read to its end");
        assertTrue(over.isTooBig());
        assertThrows(IllegalStateException.class, over::content);
    }

    @Test
    void readFromLeavesTheBytesAfterTheEndSequenceInTheStream() throws IOException {
        InputStream in =
                new BufferedInputStream(new ByteArrayInputStream(bytes("body\r\n.\r\nRSET\r\nQUIT\r\n")), 8192);
        DataReader reader = new DataReader(MAX);

        reader.readFrom(in);

        assertEquals("body\r\n", text(reader.content()));
        assertEquals("RSET\r\nQUIT\r\n", text(in.readAllBytes()));
    }

    @Test
    void readFromAStreamThatEndsEarlyThrowsEof() {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes("body\r\n.")));
        assertThrows(EOFException.class, () -> new DataReader(MAX).readFrom(in));
    }

    @Test
    void readFromAcrossManyBufferFillsKeepsEveryByte() throws IOException {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            message.append(i % 7 == 0 ? ".dot line " : "line ").append(i).append("\r\n");
        }
        String wire = ("\r\n" + message).replace("\r\n.", "\r\n..").substring(2) + ".\r\nNOOP\r\n";
        // A one-byte-at-a-time source makes the buffered stream return short reads at random places.
        InputStream trickle = new InputStream() {
            private final ByteArrayInputStream source = new ByteArrayInputStream(bytes(wire));

            @Override
            public int read() {
                return source.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return source.read(b, off, Math.min(len, 1 + (source.available() % 977)));
            }
        };
        InputStream in = new BufferedInputStream(trickle, 8192);
        DataReader reader = new DataReader(1 << 20);

        reader.readFrom(in);

        assertEquals(message.toString(), text(reader.content()));
        assertEquals("NOOP\r\n", text(in.readAllBytes()));
    }

    /** Random messages over a small alphabet, cut into random chunks, against a simple line-by-line reference. */
    @Test
    void anyChunkingGivesTheSameResultAsTheReference() {
        Random random = new Random(20240611L);
        byte[] alphabet = {'a', '.', '\r', '\n', 0, 'b'};
        for (int round = 0; round < 5000; round++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                body.append((char) alphabet[random.nextInt(alphabet.length)]);
            }
            String wire = body + "\r\n.\r\nAFTER";
            Reference expected = Reference.of(wire, 40);

            DataReader reader = new DataReader(40);
            byte[] bytes = bytes(wire);
            int offset = 0;
            while (!reader.isComplete()) {
                int chunk = Math.min(bytes.length - offset, 1 + random.nextInt(7));
                offset += reader.feed(bytes, offset, chunk);
            }

            String context = "round " + round + ", wire " + escape(wire);
            assertEquals(expected.consumed(), offset, context);
            assertEquals(expected.tooBig(), reader.isTooBig(), context);
            assertFalse(reader.hasLineTooLong(), context);
            if (!expected.tooBig()) {
                assertArrayEquals(bytes(expected.content()), reader.content(), context);
            }
        }
    }

    /** The reader's rules written the obvious, slow way: find the end, drop NULs, split lines, unstuff. */
    private record Reference(int consumed, String content, boolean tooBig) {

        static Reference of(String wire, int maxSize) {
            String framed = "\r\n" + wire;
            int end = framed.indexOf("\r\n.\r\n");
            String body = framed.substring(2, end + 2);
            StringBuilder content = new StringBuilder();
            if (!body.isEmpty()) {
                for (String line : body.replace("\0", "").split("\r\n|\r|\n", -1)) {
                    content.append(line.startsWith(".") && line.length() > 1 ? line.substring(1) : line)
                            .append("\r\n");
                }
                // split() yields one empty string after the final line ending: drop its CRLF.
                content.setLength(content.length() - 2);
            }
            return new Reference(end + 3, content.toString(), content.length() > maxSize);
        }
    }

    private static String read(String wire) {
        DataReader reader = new DataReader(MAX);
        byte[] bytes = bytes(wire);
        int consumed = reader.feed(bytes, 0, bytes.length);
        assertTrue(reader.isComplete(), "the end sequence was found");
        assertEquals(bytes.length, consumed);
        return text(reader.content());
    }

    private static void feedAll(DataReader reader, String wire) {
        byte[] bytes = bytes(wire);
        reader.feed(bytes, 0, bytes.length);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String unescape(String escaped) {
        return escaped.replace("\\r", "\r").replace("\\n", "\n");
    }

    private static String escape(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
