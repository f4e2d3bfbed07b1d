package org.postage.domain.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postage.domain.submission.Messages.htmlWith;

import org.junit.jupiter.api.Test;

class ViolationTest {

    @Test
    void reasonAndFixAreOneLineOfPrintableAscii() {
        Violation v = new Violation("tag.format", "bad \u00e9t\u00e9\r\nBcc: x@y\u0000", "fix\tit");
        assertEquals("bad ?t?  Bcc: x@y?", v.reason());
        assertEquals("fix it", v.fix());
    }

    @Test
    void aCharacterOutsideTheBasicPlaneBecomesOneQuestionMark() {
        assertEquals("smile ?", new Violation("tag.format", "smile \ud83d\ude00", "x").reason());
    }

    @Test
    void longTextsAreCutWithAnEllipsis() {
        Violation v = new Violation("tag.format", "r".repeat(500), "f".repeat(201));
        assertEquals(Violation.MAX_TEXT, v.reason().length());
        assertTrue(v.reason().endsWith("rrr..."));
        assertEquals(Violation.MAX_TEXT, v.fix().length());
    }

    @Test
    void anOffendingValueIsQuotedShortAndSafe() {
        String tag = "Bad\u00e9" + "x".repeat(100);
        Violation v = new SubmissionInspector()
                .inspect(htmlWith("X-Flexmail-Tag: " + tag))
                .violations()
                .get(0);
        assertEquals(
                "X-Flexmail-Tag 'Bad?xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is not snake_case and has 104 characters,"
                        + " more than 50",
                v.reason());
    }

    @Test
    void aRuleIdIsDottedLowerCase() {
        assertThrows(IllegalArgumentException.class, () -> new Violation("Tag format", "r", "f"));
        assertThrows(IllegalArgumentException.class, () -> new Violation("tag", "r", "f"));
        new Violation("content.attachment-encoding", "r", "f");
    }
}
