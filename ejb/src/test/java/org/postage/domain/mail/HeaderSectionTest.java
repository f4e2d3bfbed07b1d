package org.postage.domain.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderSectionTest {

    @Test
    void aFoldedFieldKeepsItsExactBytesWithoutTheFinalCrlfAndItsOffsetsWithIt() {
        String message = "Subject: a\r\n b\r\n\tc\r\nTo: x\r\n\r\nbody\r\n";
        HeaderSection h = parse(message);
        assertEquals(List.of("Subject: a\r\n b\r\n\tc", "To: x"), texts(h.fields()));
        HeaderField subject = h.named("subject").get(0);
        assertEquals(0, subject.start());
        assertEquals(message.indexOf("To:"), subject.end());
        assertEquals(" a b\tc", subject.value(), "unfolded, not trimmed");
        assertEquals("Subject: a b\tc", subject.text());
        assertEquals("Subject: a".length(), subject.longestLine());
    }

    @Test
    void namesMatchWhateverTheirCaseAndWhitespaceBeforeTheColon() {
        HeaderSection h = parse("FROM : a\r\nfrom: b\r\n\r\n");
        assertEquals(List.of("FROM : a", "from: b"), texts(h.named("From")));
        assertEquals("FROM", h.fields().get(0).name(), "the name as written, without the whitespace");
        assertEquals(" a", h.fields().get(0).value());
    }

    @Test
    void theBodyStartsAfterTheFirstEmptyLine() {
        String message = "A: 1\r\n\r\nB: not a field\r\n";
        HeaderSection h = parse(message);
        assertEquals(message.indexOf("B:"), h.bodyOffset());
        assertEquals(message.indexOf("\r\n\r\n") + 2, h.end(), "the header section ends where the empty line starts");
        assertEquals(0, h.named("b").size());
    }

    @Test
    void aMessageWithoutEmptyLineIsAllHeader() {
        assertEquals("A: 1\r\nB: 2\r\n".length(), parse("A: 1\r\nB: 2\r\n").bodyOffset());
        assertEquals("A: 1\r\nB: 2".length(), parse("A: 1\r\nB: 2").bodyOffset());
        assertEquals(List.of("B: 2"), texts(parse("A: 1\r\nB: 2").named("b")));
        HeaderField last = parse("A: 1\r\nB: 2").named("b").get(0);
        assertEquals("A: 1\r\nB: 2".length(), last.end(), "a field the message ends inside ends with it");
        assertEquals(" 2", last.value());
    }

    @Test
    void aMessageStartingWithAnEmptyLineHasNoFields() {
        HeaderSection h = parse("\r\nFrom: not a field\r\n");
        assertTrue(h.fields().isEmpty());
        assertEquals(0, h.end());
        assertEquals(2, h.bodyOffset());
    }

    @Test
    void anEmptyMessageHasNoFieldsAndNoBody() {
        HeaderSection h = HeaderSection.parse(new byte[0]);
        assertTrue(h.fields().isEmpty());
        assertEquals(0, h.end());
        assertEquals(0, h.bodyOffset());
    }

    @Test
    void aLineWithoutColonIsKeptButCannotBeNamed() {
        HeaderSection h = parse("From x@y Mon Jan 1\r\nTo: a\r\n\r\n");
        assertEquals(2, h.fields().size());
        assertNull(h.fields().get(0).name());
        assertEquals("From x@y Mon Jan 1", h.fields().get(0).value(), "a line that is no field reads as a whole");
        assertEquals(List.of("To: a"), texts(h.named("to")));
    }

    @Test
    void aNameWithBytesRfc5322DoesNotAllowIsNoName() {
        HeaderSection h = parse("Bad Name: x\r\n: empty\r\nX-\u00e9t\u00e9: y\r\nOk-Name: z\r\n\r\n");
        assertNull(h.fields().get(0).name());
        assertNull(h.fields().get(1).name());
        assertNull(h.fields().get(2).name());
        assertEquals("Ok-Name", h.fields().get(3).name());
    }

    @Test
    void onlyTheFirstLineHoldsTheName() {
        HeaderSection h = parse("no colon here\r\n but: here\r\n\r\n");
        assertEquals(1, h.fields().size());
        assertNull(h.fields().get(0).name());
    }

    @Test
    void aContinuationLineBeforeAnyFieldIsANamelessFieldOfItsOwn() {
        HeaderSection h = parse(" folded: x\r\nFrom: a@b.example\r\n\r\n");
        assertEquals(2, h.fields().size());
        assertNull(h.fields().get(0).name());
        assertEquals("From", h.fields().get(1).name());
    }

    @Test
    void eightBitBytesAreKeptAsTheyAreAndDecodedOnlyOnRequest() {
        byte[] utf8 = "Subject: Best\u00e4tigung\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        HeaderField subject = HeaderSection.parse(utf8).fields().get(0);
        assertArrayEquals("Subject: Best\u00e4tigung".getBytes(StandardCharsets.UTF_8), subject.bytes());
        assertTrue(subject.hasEightBitBytes());
        assertEquals(" Best\u00e4tigung", subject.value(), "valid UTF-8 reads as UTF-8");

        byte[] latin1 = "Subject: caf\u00e9\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        HeaderField other = HeaderSection.parse(latin1).fields().get(0);
        assertArrayEquals("Subject: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), other.bytes());
        assertEquals(" caf\u00e9", other.value(), "anything else reads as ISO-8859-1");

        assertFalse(parse("Subject: plain\r\n\r\n").fields().get(0).hasEightBitBytes());
    }

    @Test
    void aBareLfIsAnOrdinaryByteOfItsLine() {
        String message = "From: a@b.example\nSubject: x\n\nbody\n";
        HeaderSection h = parse(message);
        assertEquals(1, h.fields().size(), "only CRLF ends a line");
        assertEquals("From", h.fields().get(0).name());
        assertEquals(" a@b.example\nSubject: x\n\nbody\n", h.fields().get(0).value());
        assertEquals(message.length(), h.end());
        assertEquals(message.length(), h.bodyOffset());
    }

    @Test
    void aBareCrIsAnOrdinaryByteOfItsLine() {
        HeaderSection h = parse("A: 1\rB: 2\r\n\r\r\nC: 3\r\n\r\nbody");
        assertEquals(List.of("A: 1\rB: 2", "\r", "C: 3"), texts(h.fields()));
        assertNull(h.fields().get(1).name());
        assertEquals("A: 1\rB: 2\r\n\r\r\nC: 3\r\n".length(), h.end());
    }

    @Test
    void aLoneCrAtTheEndIsPartOfTheLastField() {
        HeaderSection h = parse("A: 1\r");
        assertEquals(List.of("A: 1\r"), texts(h.fields()));
        assertEquals(5, h.end());
    }

    @Test
    void theLongestLineIsMeasuredWithoutItsLineEnd() {
        HeaderField f = parse("X: " + "a".repeat(10) + "\r\n " + "b".repeat(20) + "\r\n c\r\n\r\n")
                .fields()
                .get(0);
        assertEquals(21, f.longestLine());
        assertEquals(3, parse("X:1").fields().get(0).longestLine());
    }

    @Test
    void fieldsCoverTheHeaderSectionWithoutGapsOrOverlap() {
        String message = "A: 1\r\n 2\r\nbroken\r\nB: 3\r\n\r\nbody";
        HeaderSection h = parse(message);
        int expectedStart = 0;
        for (HeaderField f : h.fields()) {
            assertEquals(expectedStart, f.start());
            expectedStart = f.end();
        }
        assertEquals(h.end(), expectedStart);
    }

    @Test
    void anyInputEndsAndStaysInBounds() {
        Random random = new Random(42);
        byte[] alphabet = {'\r', '\n', ' ', '\t', ':', 'A', (byte) 0xE9, 0};
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int n = 0; n < 20_000; n++) {
                byte[] raw = new byte[random.nextInt(40)];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = alphabet[random.nextInt(alphabet.length)];
                }
                HeaderSection h = HeaderSection.parse(raw);
                int pos = 0;
                for (HeaderField f : h.fields()) {
                    assertEquals(pos, f.start());
                    assertTrue(f.end() > f.start() && f.end() <= raw.length);
                    f.value();
                    f.longestLine();
                    pos = f.end();
                }
                assertEquals(h.end(), pos);
                assertTrue(h.bodyOffset() >= h.end() && h.bodyOffset() <= raw.length);
            }
        });
    }

    private static HeaderSection parse(String message) {
        return HeaderSection.parse(message.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static List<String> texts(List<HeaderField> fields) {
        return fields.stream()
                .map(f -> new String(f.bytes(), StandardCharsets.ISO_8859_1))
                .toList();
    }
}
