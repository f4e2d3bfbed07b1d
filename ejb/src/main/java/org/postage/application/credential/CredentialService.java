package org.postage.application.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.postage.application.account.UnknownAccountException;
import org.postage.application.sender.NotASenderException;
import org.postage.application.support.LookupCache;
import org.postage.domain.account.Account;
import org.postage.domain.account.AccountRepository;
import org.postage.domain.credential.CredentialRepository;
import org.postage.domain.credential.SmtpCredential;
import org.postage.domain.mail.EmailAddress;
import org.postage.domain.secret.PasswordHasher;
import org.postage.domain.secret.RandomSecrets;
import org.postage.domain.sender.SenderRepository;

/** Issues, revokes and checks SMTP credentials. */
@ApplicationScoped
public class CredentialService {

    /**
     * How long a credential seen active, with the senders it may use, is trusted without reading it again, so that
     * MAIL on an authenticated session does not query the database for every message. A revocation or a new sender
     * list on this node applies at once; on another node of a cluster within this time. AUTH never uses it: it
     * always reads the credential.
     */
    static final Duration ACTIVE_TTL = Duration.ofSeconds(5);

    private final PasswordHasher hasher = new PasswordHasher();

    /** Only active credentials are kept, so a new credential counts at once. */
    private final LookupCache<String, Optional<CredentialScope>> activeScopes = LookupCache.expiringAfter(ACTIVE_TTL);

    @Inject
    AccountRepository accounts;

    @Inject
    CredentialRepository credentials;

    @Inject
    SenderRepository senders;

    @Inject
    VerifiedPasswords verified;

    @Inject
    Clock clock;

    @Inject
    Event<CredentialChanged> changes;

    /**
     * @param allowedSenders addresses of the account's senders this credential is restricted to; none: any
     * @throws NotASenderException an address that is not a sender of the account
     */
    @Transactional
    public IssuedCredential issue(long accountId, boolean refuseInSession, List<String> allowedSenders) {
        Account account = accounts.find(accountId).orElseThrow(() -> new UnknownAccountException(accountId));
        String password = RandomSecrets.password();
        SmtpCredential credential =
                new SmtpCredential(RandomSecrets.username(), hasher.hash(password), account, clock.instant());
        credential.refuseInSession(refuseInSession);
        credential.restrictTo(sendersOf(accountId, allowedSenders));
        credentials.add(credential);
        return new IssuedCredential(credential.getUsername(), password, accountId);
    }

    @Transactional
    public Optional<CredentialView> find(String username) {
        return credentials.findByUsername(username).map(CredentialView::of);
    }

    /**
     * Changes a credential's settings, each one given (not null), in one transaction: all of them or, when one is
     * refused, none. A new sender list applies to the next MAIL on this node, on others within {@link #ACTIVE_TTL};
     * refusing in session from the next AUTH.
     *
     * @param refuseInSession whether broken submissions are refused in the session; null: unchanged
     * @param allowedSenders  addresses of the account's senders the credential is restricted to (none lifts the
     *                        restriction); null: unchanged
     * @return false when no such credential exists
     * @throws NotASenderException an address that is not a sender of the credential's account
     */
    @Transactional
    public boolean update(String username, Boolean refuseInSession, List<String> allowedSenders) {
        Optional<SmtpCredential> found = credentials.findByUsername(username);
        if (found.isEmpty()) {
            return false;
        }
        SmtpCredential credential = found.get();
        // Every check before the first change, so that a refusal leaves nothing changed even outside a transaction.
        List<String> senders = allowedSenders == null ? null : sendersOf(credential.getAccountId(), allowedSenders);
        if (senders != null) {
            credential.restrictTo(senders);
            changes.fire(new CredentialChanged(username));
        }
        if (refuseInSession != null) {
            credential.refuseInSession(refuseInSession);
        }
        return true;
    }

    private List<String> sendersOf(long accountId, List<String> addresses) {
        return addresses.stream()
                .map(a -> EmailAddress.parse(a)
                        .map(EmailAddress::toString)
                        .filter(address -> senders.find(accountId, address).isPresent())
                        .orElseThrow(() -> new NotASenderException(accountId, a)))
                .distinct()
                .toList();
    }

    /** @return false when no such credential exists */
    @Transactional
    public boolean revoke(String username) {
        Optional<SmtpCredential> credential = credentials.findByUsername(username);
        credential.ifPresent(c -> c.revoke(clock.instant()));
        changes.fire(new CredentialChanged(username));
        return credential.isPresent();
    }

    /**
     * Once the change is committed (or not): forgetting earlier would let a MAIL in between re-read and re-cache
     * the old state for {@link #ACTIVE_TTL}.
     */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) CredentialChanged change) {
        verified.forget(change.username());
        activeScopes.invalidate(change.username());
    }

    /**
     * @return the active credential when the password matches. The slow hash runs only the first time a
     * password is seen; later checks compare a keyed digest held in memory, but always re-read the credential so
     * that a revocation takes effect at once.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SmtpCredential> authenticate(String username, String password) {
        Optional<SmtpCredential> found = credentials.findByUsername(username).filter(SmtpCredential::isActive);
        if (found.isEmpty()) {
            hasher.matches(password, DUMMY_HASH); // same cost for unknown users: no username probing by timing
            return Optional.empty();
        }
        SmtpCredential credential = found.get();
        if (verified.isKnown(username, password)) {
            return found;
        }
        if (hasher.matches(password, credential.getPasswordHash())) {
            verified.remember(username, password);
            return found;
        }
        return Optional.empty();
    }

    /**
     * The senders an active credential may use; empty when it does not exist or is revoked. See
     * {@link #ACTIVE_TTL} for how fresh the answer is.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CredentialScope> activeScope(String username) {
        return activeScopes.get(
                username,
                u -> credentials
                        .findByUsername(u)
                        .filter(SmtpCredential::isActive)
                        .map(c -> new CredentialScope(c.getAllowedSenders())),
                Optional::isPresent);
    }

    /**
     * The senders a credential may use, revoked or not: for a message it submitted while active. In a transaction
     * of its own, so that a queue consumer's transaction does not enlist the database.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CredentialScope scopeOf(String username) {
        if (username == null) {
            return CredentialScope.ANY_SENDER; // not submitted with a credential
        }
        return activeScopes
                .find(username)
                .flatMap(Function.identity())
                .orElseGet(() -> credentials
                        .findByUsername(username)
                        .map(c -> new CredentialScope(c.getAllowedSenders()))
                        .orElse(CredentialScope.ANY_SENDER));
    }

    private static final String DUMMY_HASH = new PasswordHasher().hash("not-a-password");
}
