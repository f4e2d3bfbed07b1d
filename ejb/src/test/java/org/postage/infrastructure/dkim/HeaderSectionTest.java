package org.postage.infrastructure.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeaderSectionTest {

    @Test
    void aFoldedFieldKeepsItsExactTextWithoutTheFinalCrlf() {
        HeaderSection h = parse("Subject: a\r\n b\r\n\tc\r\nTo: x\r\n\r\nbody\r\n");
        assertEquals(List.of("Subject: a\r\n b\r\n\tc"), h.getFields("subject"));
        assertEquals(List.of("Subject: a\r\n b\r\n\tc", "To: x"), h.getFields());
    }

    @Test
    void namesMatchWhateverTheirCaseAndWhitespaceBeforeTheColon() {
        HeaderSection h = parse("FROM : a\r\nfrom: b\r\n\r\n");
        assertEquals(List.of("FROM : a", "from: b"), h.getFields("From"));
        assertEquals(2, h.count("from"));
    }

    @Test
    void theBodyStartsAfterTheFirstEmptyLine() {
        String message = "A: 1\r\n\r\nB: not a field\r\n";
        HeaderSection h = parse(message);
        assertEquals(message.indexOf("B:"), h.bodyOffset());
        assertEquals(0, h.count("b"));
    }

    @Test
    void aMessageWithoutEmptyLineIsAllHeader() {
        assertEquals("A: 1\r\nB: 2\r\n".length(), parse("A: 1\r\nB: 2\r\n").bodyOffset());
        assertEquals("A: 1\r\nB: 2".length(), parse("A: 1\r\nB: 2").bodyOffset());
        assertEquals(List.of("B: 2"), parse("A: 1\r\nB: 2").getFields("b"));
    }

    @Test
    void aMessageStartingWithAnEmptyLineHasNoFields() {
        HeaderSection h = parse("\r\nFrom: not a field\r\n");
        assertTrue(h.getFields().isEmpty());
        assertEquals(2, h.bodyOffset());
    }

    @Test
    void aLineWithoutColonIsKeptButCannotBeNamed() {
        HeaderSection h = parse("From x@y Mon Jan 1\r\nTo: a\r\n\r\n");
        assertEquals(2, h.getFields().size());
        assertEquals(List.of("To: a"), h.getFields("to"));
    }

    @Test
    void asciiFieldsAlwaysSurviveTheDefaultCharset() {
        HeaderSection h = parse("Subject: plain\r\n\r\n");
        assertTrue(h.firstNotSurvivingDefaultCharset(Set.of("subject")).isEmpty());
    }

    private static HeaderSection parse(String message) {
        return HeaderSection.parse(message.getBytes(StandardCharsets.US_ASCII));
    }
}
