package org.postage.application.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.postage.application.account.UnknownAccountException;
import org.postage.application.sender.NotASenderException;
import org.postage.domain.account.Account;
import org.postage.domain.account.AccountRepository;
import org.postage.domain.account.StoredAccounts;
import org.postage.domain.credential.CredentialRepository;
import org.postage.domain.credential.SmtpCredential;
import org.postage.domain.secret.PasswordHasher;
import org.postage.domain.sender.Sender;
import org.postage.domain.sender.SenderRepository;

/**
 * Issuing, revoking and narrowing SMTP credentials, and AUTH against them: against accounts, senders and credentials
 * kept in memory instead of the database. A change reaches the caches as CDI delivers it, once its transaction has
 * completed ({@link AfterCompletion#complete}).
 */
class CredentialServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final Accounts accounts = new Accounts();
    private final Credentials credentials = new Credentials();
    private final Senders senders = new Senders();
    private final AfterCompletion changes = new AfterCompletion();
    private final CredentialService service = new CredentialService();

    CredentialServiceTest() {
        service.accounts = accounts;
        service.credentials = credentials;
        service.senders = senders;
        service.verified = new VerifiedPasswords();
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.changes = changes;
        accounts.add(7);
        accounts.add(8);
        senders.add(7, "orders@shop.example");
        senders.add(7, "billing@shop.example");
        senders.add(8, "news@other.example");
    }

    @Test
    void anIssuedCredentialShowsItsPasswordOnceAndStoresOnlyASlowHashOfIt() {
        IssuedCredential issued = service.issue(7, false, List.of());

        assertEquals(7, issued.accountId());
        assertTrue(issued.username().startsWith("smtp-"), issued.username());
        assertEquals(32, issued.password().length());
        SmtpCredential stored = credentials.byUsername.get(issued.username());
        assertEquals(7, stored.getAccountId());
        assertEquals(NOW, stored.getCreatedAt());
        assertTrue(stored.isActive());
        assertFalse(stored.getPasswordHash().contains(issued.password()));
        assertTrue(stored.getPasswordHash().startsWith("pbkdf2-sha256$"), stored.getPasswordHash());
        assertTrue(new PasswordHasher().matches(issued.password(), stored.getPasswordHash()));
        CredentialView view = service.find(issued.username()).orElseThrow();
        assertFalse(view.toString().contains(issued.password()), "the admin API never shows it again");
        assertEquals(List.of(), view.allowedSenders());
    }

    @Test
    void eachIssuedCredentialHasAUsernameAndPasswordOfItsOwn() {
        IssuedCredential a = service.issue(7, false, List.of());
        IssuedCredential b = service.issue(7, false, List.of());

        assertNotEquals(a.username(), b.username());
        assertNotEquals(a.password(), b.password());
        assertEquals(2, credentials.byUsername.size());
    }

    @Test
    void noCredentialIsIssuedForAnUnknownAccount() {
        assertThrows(UnknownAccountException.class, () -> service.issue(99, false, List.of()));
        assertEquals(Map.of(), credentials.byUsername);
    }

    @Test
    void whetherBrokenSubmissionsAreRefusedInSessionIsSetAtIssueAndCanBeChanged() {
        IssuedCredential issued = service.issue(7, true, List.of());
        assertTrue(service.find(issued.username()).orElseThrow().refuseInSession());

        assertTrue(service.update(issued.username(), false, null));

        assertFalse(service.find(issued.username()).orElseThrow().refuseInSession());
        assertFalse(service.update("smtp-unknown", true, null));
    }

    @Test
    void theIssuedPasswordAuthenticatesAsTheCredential() {
        IssuedCredential issued = service.issue(7, false, List.of());

        SmtpCredential authenticated =
                service.authenticate(issued.username(), issued.password()).orElseThrow();

        assertEquals(issued.username(), authenticated.getUsername());
        assertEquals(7, authenticated.getAccountId());
        assertTrue(service.authenticate(issued.username(), issued.password()).isPresent(), "again, remembered");
    }

    @Test
    void aWrongPasswordDoesNotAuthenticateEvenAfterTheRightOneDid() {
        IssuedCredential issued = service.issue(7, false, List.of());
        assertTrue(service.authenticate(issued.username(), issued.password()).isPresent());

        assertTrue(
                service.authenticate(issued.username(), issued.password() + "x").isEmpty());
        assertTrue(service.authenticate(issued.username(), "").isEmpty());
    }

    @Test
    void anUnknownUsernameDoesNotAuthenticate() {
        IssuedCredential issued = service.issue(7, false, List.of());

        assertTrue(service.authenticate("smtp-unknown", issued.password()).isEmpty());
    }

    @Test
    void aRevokedCredentialFailsAuthAtOnceEvenWithAPasswordThatWasRemembered() {
        IssuedCredential issued = service.issue(7, false, List.of());
        assertTrue(service.authenticate(issued.username(), issued.password()).isPresent());
        assertTrue(service.activeScope(issued.username()).isPresent());

        assertTrue(service.revoke(issued.username()));

        assertTrue(
                service.authenticate(issued.username(), issued.password()).isEmpty(),
                "before the change has even reached the caches");
        assertEquals(NOW, credentials.byUsername.get(issued.username()).getRevokedAt());
        changes.complete();
        assertTrue(service.authenticate(issued.username(), issued.password()).isEmpty());
        assertTrue(service.activeScope(issued.username()).isEmpty(), "MAIL on an open session is refused too");
    }

    @Test
    void revokingAnUnknownCredentialSaysSo() {
        assertFalse(service.revoke("smtp-unknown"));
    }

    @Test
    void aMessageSubmittedBeforeItsCredentialWasRevokedIsJudgedByTheCredentialsSenders() {
        IssuedCredential issued = service.issue(7, false, List.of("orders@shop.example"));
        service.revoke(issued.username());
        changes.complete();

        assertEquals(
                Set.of("orders@shop.example"),
                service.scopeOf(issued.username()).allowedSenders());
        assertEquals(CredentialScope.ANY_SENDER, service.scopeOf(null), "not submitted with a credential");
    }

    @Test
    void allowedSendersAtIssueAreTheAccountsSendersNormalisedOnce() {
        IssuedCredential issued =
                service.issue(7, false, List.of("Orders@Shop.Example", " billing@shop.example", "orders@shop.example"));

        assertEquals(
                Set.of("orders@shop.example", "billing@shop.example"),
                credentials.byUsername.get(issued.username()).getAllowedSenders());
        assertEquals(
                List.of("billing@shop.example", "orders@shop.example"),
                service.find(issued.username()).orElseThrow().allowedSenders());
    }

    @Test
    void anAllowedSenderThatIsNotASenderOfTheAccountIsRefusedAtIssueAndNothingIsStored() {
        assertThrows(
                NotASenderException.class,
                () -> service.issue(7, false, List.of("orders@shop.example", "news@other.example")),
                "another account's sender");
        assertThrows(
                NotASenderException.class,
                () -> service.issue(7, false, List.of("unknown@shop.example")),
                "no sender at all");
        assertThrows(
                NotASenderException.class, () -> service.issue(7, false, List.of("not an address")), "not an address");
        assertEquals(Map.of(), credentials.byUsername);
    }

    @Test
    void narrowingACredentialAppliesToTheNextMailOnceTheChangeHasCompleted() {
        IssuedCredential issued = service.issue(7, false, List.of());
        assertFalse(service.activeScope(issued.username()).orElseThrow().isRestricted());

        assertTrue(service.update(issued.username(), null, List.of("Orders@Shop.Example")));

        assertEquals(List.of(new CredentialChanged(issued.username())), changes.fired);
        changes.complete();
        CredentialScope scope = service.activeScope(issued.username()).orElseThrow();
        assertTrue(scope.allows("orders@shop.example"));
        assertFalse(scope.allows("billing@shop.example"));
    }

    @Test
    void narrowingToNoSendersLiftsTheRestriction() {
        IssuedCredential issued = service.issue(7, false, List.of("orders@shop.example"));

        assertTrue(service.update(issued.username(), null, List.of()));

        changes.complete();
        assertFalse(service.activeScope(issued.username()).orElseThrow().isRestricted());
    }

    @Test
    void narrowingToAnAddressThatIsNotASenderOfTheAccountIsRefusedAndChangesNothing() {
        IssuedCredential issued = service.issue(7, false, List.of("orders@shop.example"));

        assertThrows(
                NotASenderException.class,
                () -> service.update(issued.username(), null, List.of("billing@shop.example", "news@other.example")));

        assertEquals(
                Set.of("orders@shop.example"),
                credentials.byUsername.get(issued.username()).getAllowedSenders());
        assertEquals(List.of(), changes.fired);
    }

    @Test
    void narrowingAnUnknownCredentialSaysSo() {
        assertFalse(service.update("smtp-unknown", null, List.of("orders@shop.example")));
    }

    /** CDI's transactional observers: what was fired reaches {@link CredentialService#changed} on completion. */
    private final class AfterCompletion implements Event<CredentialChanged> {

        final List<CredentialChanged> fired = new ArrayList<>();

        void complete() {
            fired.forEach(service::changed);
            fired.clear();
        }

        @Override
        public void fire(CredentialChanged event) {
            fired.add(event);
        }

        @Override
        public <U extends CredentialChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends CredentialChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<CredentialChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends CredentialChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends CredentialChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Accounts implements AccountRepository {

        final Map<Long, Account> byId = new HashMap<>();

        void add(long id) {
            byId.put(id, StoredAccounts.withId(id, "Account " + id));
        }

        @Override
        public Account add(Account account) {
            throw new UnsupportedOperationException("not used by CredentialService");
        }

        @Override
        public Optional<Account> find(long id) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    private static final class Credentials implements CredentialRepository {

        final Map<String, SmtpCredential> byUsername = new HashMap<>();

        @Override
        public SmtpCredential add(SmtpCredential credential) {
            byUsername.put(credential.getUsername(), credential);
            return credential;
        }

        @Override
        public Optional<SmtpCredential> findByUsername(String username) {
            return Optional.ofNullable(byUsername.get(username));
        }
    }

    /** Senders of any state: a credential may be narrowed to one that is not verified yet. */
    private static final class Senders implements SenderRepository {

        final List<Sender> all = new ArrayList<>();

        void add(long accountId, String address) {
            all.add(new Sender(accountId, address, NOW));
        }

        @Override
        public Optional<Sender> find(long accountId, String emailAddress) {
            return all.stream()
                    .filter(s ->
                            s.getAccountId() == accountId && s.getEmailAddress().equals(emailAddress))
                    .findFirst();
        }

        @Override
        public Sender add(Sender sender) {
            throw new UnsupportedOperationException("not used by CredentialService");
        }

        @Override
        public Optional<Sender> find(long id) {
            throw new UnsupportedOperationException("not used by CredentialService");
        }

        @Override
        public Optional<Sender> findByTokenDigest(String tokenDigest) {
            throw new UnsupportedOperationException("not used by CredentialService");
        }

        @Override
        public List<Sender> ofAccount(long accountId) {
            throw new UnsupportedOperationException("not used by CredentialService");
        }

        @Override
        public void remove(Sender sender) {
            throw new UnsupportedOperationException("not used by CredentialService");
        }
    }
}
