package org.postage.domain.secret;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = hasher.hash("correct horse");
        assertTrue(hasher.matches("correct horse", hash));
        assertFalse(hasher.matches("correct horse ", hash));
        assertFalse(hasher.matches("", hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndNeverInClear() {
        String a = hasher.hash("s3cret");
        String b = hasher.hash("s3cret");
        assertNotEquals(a, b, "salted");
        assertFalse(a.contains("s3cret"));
        assertTrue(a.startsWith("pbkdf2-sha256$1000$"));
    }

    @Test
    void theDefaultCostFollowsOwasp() {
        assertTrue(new PasswordHasher().hash("x").startsWith("pbkdf2-sha256$210000$"));
    }

    @Test
    void aMalformedStoredHashNeverMatches() {
        assertFalse(hasher.matches("x", null));
        assertFalse(hasher.matches("x", ""));
        assertFalse(hasher.matches("x", "pbkdf2-sha256$abc$$"));
        assertFalse(hasher.matches("x", "md5$1$AAAA$AAAA"));
        assertFalse(hasher.matches("x", "pbkdf2-sha256$1000$!!!$AAAA"));
    }

    @Test
    void generatedSecretsAreLongAndDistinct() {
        assertNotEquals(RandomSecrets.password(), RandomSecrets.password());
        assertTrue(RandomSecrets.password().length() >= 32);
        assertTrue(RandomSecrets.username().matches("smtp-[a-z0-9]{16}"));
    }
}
