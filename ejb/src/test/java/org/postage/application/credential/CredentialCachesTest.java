package org.postage.application.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postage.domain.account.Account;
import org.postage.domain.credential.CredentialRepository;
import org.postage.domain.credential.SmtpCredential;

/**
 * What {@link CredentialService} remembers of a credential, and when it forgets: against credentials kept in memory
 * instead of the database. {@link CredentialService#changed} is called as CDI calls it once the change's
 * transaction has completed.
 */
class CredentialCachesTest {

    private final Credentials credentials = new Credentials();
    private final VerifiedPasswords passwords = new VerifiedPasswords();
    private final CredentialService service = new CredentialService();

    CredentialCachesTest() {
        service.credentials = credentials;
        service.verified = passwords;
    }

    @Test
    void anActiveCredentialIsReadOnceWithinTheTimeToLive() {
        credentials.add("smtp-a").restrictTo(List.of("orders@shop.example"));
        assertEquals(
                Set.of("orders@shop.example"),
                service.activeScope("smtp-a").orElseThrow().allowedSenders());
        assertEquals(
                Set.of("orders@shop.example"),
                service.activeScope("smtp-a").orElseThrow().allowedSenders());
        assertEquals(Set.of("orders@shop.example"), service.scopeOf("smtp-a").allowedSenders());
        assertEquals(1, credentials.reads);
    }

    @Test
    void anUnknownOrRevokedCredentialIsReadEveryTimeSoThatANewOneCountsAtOnce() {
        assertTrue(service.activeScope("smtp-a").isEmpty());
        credentials.add("smtp-a").revoke(Instant.EPOCH);
        assertTrue(service.activeScope("smtp-a").isEmpty());
        credentials.add("smtp-a");
        assertTrue(service.activeScope("smtp-a").isPresent());
        assertEquals(3, credentials.reads);
    }

    @Test
    void aChangeOnThisNodeForgetsTheScopeAndThePassword() {
        SmtpCredential credential = credentials.add("smtp-a");
        passwords.remember("smtp-a", "secret");
        assertFalse(service.activeScope("smtp-a").orElseThrow().isRestricted());
        credential.revoke(Instant.EPOCH);
        assertTrue(service.activeScope("smtp-a").isPresent(), "not yet told");
        service.changed(new CredentialChanged("smtp-a"));
        assertTrue(service.activeScope("smtp-a").isEmpty());
        assertFalse(passwords.isKnown("smtp-a", "secret"));
    }

    @Test
    void aChangeThatCompletesWhileMailReadsTheCredentialIsNotHiddenByIt() {
        SmtpCredential credential = credentials.add("smtp-a");
        credentials.duringNextRead = () -> {
            credential.restrictTo(List.of("orders@shop.example"));
            service.changed(new CredentialChanged("smtp-a"));
        };
        assertFalse(service.activeScope("smtp-a").orElseThrow().isRestricted(), "read before the change");
        assertTrue(service.activeScope("smtp-a").orElseThrow().isRestricted());
    }

    @Test
    void aRememberedPasswordMatchesOnlyItself() {
        passwords.remember("smtp-a", "secret");
        assertTrue(passwords.isKnown("smtp-a", "secret"));
        assertFalse(passwords.isKnown("smtp-a", "other"));
        assertFalse(passwords.isKnown("smtp-b", "secret"));
    }

    private static final class Credentials implements CredentialRepository {

        final Map<String, SmtpCredential> byUsername = new HashMap<>();
        Runnable duringNextRead = () -> {};
        int reads;

        SmtpCredential add(String username) {
            SmtpCredential credential =
                    new SmtpCredential(username, "hash", new Account("Shop", Instant.EPOCH), Instant.EPOCH);
            byUsername.put(username, credential);
            return credential;
        }

        @Override
        public SmtpCredential add(SmtpCredential credential) {
            byUsername.put(credential.getUsername(), credential);
            return credential;
        }

        @Override
        public Optional<SmtpCredential> findByUsername(String username) {
            reads++;
            // A copy, as a query returns: what was stored when it read, whatever changes after.
            Optional<SmtpCredential> found =
                    Optional.ofNullable(byUsername.get(username)).map(Credentials::copy);
            Runnable during = duringNextRead;
            duringNextRead = () -> {};
            during.run();
            return found;
        }

        private static SmtpCredential copy(SmtpCredential c) {
            SmtpCredential read =
                    new SmtpCredential(c.getUsername(), c.getPasswordHash(), c.getAccount(), c.getCreatedAt());
            read.restrictTo(c.getAllowedSenders());
            if (!c.isActive()) {
                read.revoke(c.getRevokedAt());
            }
            return read;
        }
    }
}
