package org.postage.domain.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinkTokensTest {

    @Test
    void tokensAreUrlSafeDistinctAndStoredOnlyAsADigest() {
        String a = LinkTokens.next();
        String b = LinkTokens.next();
        assertNotEquals(a, b);
        assertTrue(LinkTokens.isWellFormed(a), a);
        assertEquals(64, LinkTokens.digest(a).length());
        assertEquals(LinkTokens.digest(a), LinkTokens.digest(a));
        assertNotEquals(LinkTokens.digest(a), LinkTokens.digest(b));
        assertFalse(LinkTokens.digest(a).contains(a));
    }

    @Test
    void anythingElseIsNotAToken() {
        assertFalse(LinkTokens.isWellFormed(null));
        assertFalse(LinkTokens.isWellFormed(""));
        assertFalse(LinkTokens.isWellFormed("a".repeat(42)));
        assertFalse(LinkTokens.isWellFormed("a".repeat(44)));
        assertFalse(LinkTokens.isWellFormed("a".repeat(42) + "="));
        assertFalse(LinkTokens.isWellFormed("' or 1=1 --"));
    }
}
