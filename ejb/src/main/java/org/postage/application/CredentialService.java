package org.postage.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.postage.domain.Account;
import org.postage.domain.AccountRepository;
import org.postage.domain.CredentialRepository;
import org.postage.domain.SmtpCredential;
import org.postage.infrastructure.security.PasswordHasher;
import org.postage.infrastructure.security.RandomSecrets;

/** Issues, revokes and checks SMTP credentials. */
@ApplicationScoped
public class CredentialService {

    private final PasswordHasher hasher = new PasswordHasher();

    @Inject
    AccountRepository accounts;

    @Inject
    CredentialRepository credentials;

    @Inject
    VerifiedPasswords verified;

    @Inject
    ActiveCredentials active;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Transactional
    public IssuedCredential issue(long accountId) {
        Account account = accounts.find(accountId).orElseThrow(() -> new UnknownAccountException(accountId));
        String password = RandomSecrets.password();
        SmtpCredential credential = credentials.add(
                new SmtpCredential(RandomSecrets.username(), hasher.hash(password), account, clock.instant()));
        return new IssuedCredential(credential.getUsername(), password, accountId);
    }

    /** @return false when no such credential exists */
    @Transactional
    public boolean revoke(String username) {
        Optional<SmtpCredential> credential = credentials.findByUsername(username);
        credential.ifPresent(c -> c.revoke(clock.instant()));
        forgetCached(username);
        // Forget again once committed: a MAIL in between may have re-read the credential as still active.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forgetCached(username);
            }
        });
        return credential.isPresent();
    }

    private void forgetCached(String username) {
        verified.forget(username);
        active.forget(username);
    }

    /** @return false when no such credential exists */
    @Transactional
    public boolean setRefuseInSession(String username, boolean refuse) {
        Optional<SmtpCredential> credential = credentials.findByUsername(username);
        credential.ifPresent(c -> c.refuseInSession(refuse));
        return credential.isPresent();
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

    /** Whether the credential exists and is not revoked; see {@link ActiveCredentials} for how fresh the answer is. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActive(String username) {
        if (active.isKnownActive(username)) {
            return true;
        }
        boolean isActive = credentials.findByUsername(username).map(SmtpCredential::isActive).orElse(false);
        if (isActive) {
            active.markActive(username);
        }
        return isActive;
    }

    private static final String DUMMY_HASH = new PasswordHasher().hash("not-a-password");
}
