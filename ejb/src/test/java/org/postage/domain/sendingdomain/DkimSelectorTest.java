package org.postage.domain.sendingdomain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DkimSelectorTest {

    private final Clock november = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aGeneratedSelectorNamesPostageAndTheMonth() {
        String selector = DkimSelector.next(november).value();
        assertTrue(selector.matches("pst202611-[a-z2-9]{4}"), selector);
    }

    @Test
    void twoRotationsInOneMonthGetDifferentSelectors() {
        assertNotEquals(DkimSelector.next(november), DkimSelector.next(november));
    }

    @Test
    void onlyDnsLabelsAreSelectors() {
        assertTrue(DkimSelector.isValid("s1"));
        assertTrue(DkimSelector.isValid("2026.eu-west"));
        assertFalse(DkimSelector.isValid(""));
        assertFalse(DkimSelector.isValid(null));
        assertFalse(DkimSelector.isValid("-s1"));
        assertFalse(DkimSelector.isValid("a..b"));
        assertFalse(DkimSelector.isValid("s1;"));
        assertFalse(DkimSelector.isValid("s1 x"));
        assertFalse(DkimSelector.isValid("s_1"));
        assertThrows(IllegalArgumentException.class, () -> new DkimSelector("s1\r\nBcc: x"));
    }
}
