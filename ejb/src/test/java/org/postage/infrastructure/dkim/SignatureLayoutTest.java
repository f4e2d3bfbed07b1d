package org.postage.infrastructure.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureLayoutTest {

    private static final String B = "A".repeat(340) + "==";
    private static final String UNFOLDED = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=shop.example.com;"
            + " s=pst202611-k3x9; t=1764150000; h=from:from:to:subject;"
            + " bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=" + B + ";";

    @Test
    void foldingChangesNothingRelaxedCanonicalisationSeesOnceBIsEmptied() {
        String folded = SignatureLayout.fold(UNFOLDED);
        assertEquals(relaxed(withoutB(UNFOLDED)), relaxed(withoutB(folded)));
        assertEquals(B, folded.replaceAll("(?s).*b=", "").replaceAll("[\\s;]", ""), "the signature itself is intact");
    }

    @Test
    void everyLineFitsIn78Characters() {
        for (String line : SignatureLayout.fold(UNFOLDED).split("\r\n")) {
            assertTrue(line.length() <= SignatureLayout.MAX_LINE, line);
        }
    }

    @Test
    void aLongListOfSignedFieldsBreaksAfterAColon() {
        List<String> names = Collections.nCopies(20, "content-transfer-encoding");
        String list = SignatureLayout.signedFieldList(names);
        String[] lines = ("\th=" + list + ";").split("\r\n");
        assertTrue(lines.length > 1);
        for (String line : lines) {
            assertTrue(line.length() <= SignatureLayout.MAX_LINE, line);
        }
        assertTrue(list.contains(":\r\n\tcontent"), list);
        assertEquals(String.join(":", names), list.replace("\r\n\t", ""));
    }

    /** RFC 6376 3.4.2 for one field: unfold, then runs of whitespace become one space. */
    private static String relaxed(String field) {
        return field.replaceAll("\r\n(?=[ \t])", "").replaceAll("[ \t]+", " ").trim();
    }

    private static String withoutB(String field) {
        return field.replaceAll("([;\\s]b=)[^;]*", "$1");
    }
}
