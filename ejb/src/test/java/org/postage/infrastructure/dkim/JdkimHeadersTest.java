package org.postage.infrastructure.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postage.domain.mail.HeaderSection;

/** The header fields as jDKIM is handed them; how the section is split is HeaderSectionTest's concern. */
class JdkimHeadersTest {

    @Test
    void aFoldedFieldKeepsItsExactTextWithoutTheFinalCrlf() {
        JdkimHeaders h = parse("Subject: a\r\n b\r\n\tc\r\nTo: x\r\n\r\nbody\r\n");
        assertEquals(List.of("Subject: a\r\n b\r\n\tc"), h.getFields("subject"));
        assertEquals(List.of("Subject: a\r\n b\r\n\tc", "To: x"), h.getFields());
    }

    @Test
    void namesMatchWhateverTheirCaseAndWhitespaceBeforeTheColon() {
        JdkimHeaders h = parse("FROM : a\r\nfrom: b\r\n\r\n");
        assertEquals(List.of("FROM : a", "from: b"), h.getFields("From"));
        assertEquals(2, h.count("from"));
    }

    @Test
    void aMessageWithoutEmptyLineIsAllHeader() {
        assertEquals(List.of("B: 2"), parse("A: 1\r\nB: 2").getFields("b"));
    }

    @Test
    void aMessageStartingWithAnEmptyLineHasNoFields() {
        assertTrue(parse("\r\nFrom: not a field\r\n").getFields().isEmpty());
    }

    @Test
    void aLineWithoutColonIsKeptButCannotBeNamed() {
        JdkimHeaders h = parse("From x@y Mon Jan 1\r\nTo: a\r\n\r\n");
        assertEquals(2, h.getFields().size());
        assertEquals(List.of("To: a"), h.getFields("to"));
    }

    @Test
    void asciiFieldsAlwaysSurviveTheDefaultCharset() {
        JdkimHeaders h = parse("Subject: plain\r\n\r\n");
        assertTrue(h.firstNotSurvivingDefaultCharset(Set.of("subject")).isEmpty());
    }

    @Test
    void anEightBitFieldThatIsNotSignedIsNotChecked() {
        byte[] message = "X-Note: caf\u00e9 \u00ff\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        JdkimHeaders h = new JdkimHeaders(HeaderSection.parse(message));
        assertEquals(Optional.empty(), h.firstNotSurvivingDefaultCharset(Set.of("subject")));
    }

    @Test
    void anEightBitSignedFieldIsNamedInLowerCaseWhenTheDefaultCharsetWouldChangeIt() {
        byte[] message = "SUBJECT: caf\u00e9 \u00ff\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] subject = "SUBJECT: caf\u00e9 \u00ff".getBytes(StandardCharsets.ISO_8859_1);
        Charset charset = Charset.defaultCharset();
        boolean survives = Arrays.equals(subject, new String(subject, charset).getBytes(charset));
        JdkimHeaders h = new JdkimHeaders(HeaderSection.parse(message));
        assertEquals(
                survives ? Optional.empty() : Optional.of("subject"),
                h.firstNotSurvivingDefaultCharset(Set.of("subject")));
    }

    private static JdkimHeaders parse(String message) {
        return new JdkimHeaders(HeaderSection.parse(message.getBytes(StandardCharsets.US_ASCII)));
    }
}
