package org.postage.application.credential;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialScopeTest {

    @Test
    void anUnrestrictedCredentialMaySendAsAnySender() {
        assertFalse(CredentialScope.ANY_SENDER.isRestricted());
        assertTrue(CredentialScope.ANY_SENDER.allows("anyone@shop.example"));
    }

    @Test
    void aRestrictedCredentialMaySendOnlyAsItsSenders() {
        CredentialScope scope = new CredentialScope(Set.of("orders@shop.example"));
        assertTrue(scope.isRestricted());
        assertTrue(scope.allows("orders@shop.example"));
        assertFalse(scope.allows("billing@shop.example"));
    }
}
