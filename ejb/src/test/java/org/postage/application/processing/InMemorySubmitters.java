package org.postage.application.processing;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postage.application.credential.CredentialScope;
import org.postage.application.credential.CredentialService;
import org.postage.application.sender.VerifiedSenders;
import org.postage.application.sendingdomain.SendingDomainRecords;
import org.postage.domain.account.StoredAccounts;
import org.postage.domain.credential.SmtpCredential;
import org.postage.domain.sendingdomain.SendingDomain;
import org.postage.domain.submission.SubmissionInspector;

/**
 * The accounts that submit mail, kept in memory: their SMTP credentials (with the password in clear), verified
 * senders and sending domains; and the submission rules ({@link SubmissionPolicy}, {@link SenderRule}) wired over
 * them as CDI wires them. For the tests of every use case that judges a submission, in this package and others.
 * Only what reads the database is replaced: {@link CredentialService}, {@link VerifiedSenders} and
 * {@link SendingDomainRecords}; the rules themselves are the real ones, so {@link SendingDomainRule} remembers a
 * domain that passed for its time to live, as it does in production.
 */
public final class InMemorySubmitters {

    private record Credential(SmtpCredential stored, String password) {}

    private final Map<String, Credential> credentials = new HashMap<>();
    private final Set<String> verifiedSenders = new HashSet<>();
    private final Map<String, SendingDomain> domains = new HashMap<>();

    private final Credentials credentialService = new Credentials();
    private final SenderRule senderRule = new SenderRule();
    private final SubmissionPolicy policy = new SubmissionPolicy();

    public InMemorySubmitters() {
        senderRule.senders = new Senders();
        SendingDomainRule domainRule = new SendingDomainRule();
        domainRule.domains = new Domains();
        policy.inspector = new SubmissionInspector();
        policy.senderRule = senderRule;
        policy.domainRule = domainRule;
        policy.credentials = credentialService;
    }

    /** An active credential of the account, with any sender; restrict or revoke what this returns. */
    public SmtpCredential credential(long accountId, String username, String password) {
        SmtpCredential stored =
                new SmtpCredential(username, "not-a-hash", StoredAccounts.withId(accountId, "Shop"), Instant.EPOCH);
        credentials.put(username, new Credential(stored, password));
        return stored;
    }

    /** @param address normalised */
    public void verifiedSender(long accountId, String address) {
        verifiedSenders.add(accountId + " " + address);
    }

    /** Never remembered by this fake: a removal counts at once. */
    public void removeSender(long accountId, String address) {
        verifiedSenders.remove(accountId + " " + address);
    }

    /** A sending domain whose DNS check the operator skipped. */
    public void authenticatedDomain(long accountId, String name) {
        domains.put(name, new SendingDomain(accountId, name, "s1", "key", true, Instant.EPOCH));
    }

    /** A sending domain whose records were never checked. */
    public void unauthenticatedDomain(long accountId, String name) {
        domains.put(name, new SendingDomain(accountId, name, "s1", "key", false, Instant.EPOCH));
    }

    /** Authenticates and answers for the credentials above, as the real service does for stored ones. */
    public CredentialService credentials() {
        return credentialService;
    }

    public SenderRule senderRule() {
        return senderRule;
    }

    public SubmissionPolicy policy() {
        return policy;
    }

    private final class Credentials extends CredentialService {

        @Override
        public Optional<SmtpCredential> authenticate(String username, String password) {
            return Optional.ofNullable(credentials.get(username))
                    .filter(c -> c.stored().isActive() && c.password().equals(password))
                    .map(Credential::stored);
        }

        @Override
        public Optional<CredentialScope> activeScope(String username) {
            return Optional.ofNullable(credentials.get(username))
                    .map(Credential::stored)
                    .filter(SmtpCredential::isActive)
                    .map(c -> new CredentialScope(c.getAllowedSenders()));
        }

        @Override
        public CredentialScope scopeOf(String username) {
            return Optional.ofNullable(username)
                    .map(credentials::get)
                    .map(c -> new CredentialScope(c.stored().getAllowedSenders()))
                    .orElse(CredentialScope.ANY_SENDER);
        }
    }

    private final class Senders extends VerifiedSenders {

        @Override
        public boolean isVerified(long accountId, String address) {
            return verifiedSenders.contains(accountId + " " + address);
        }
    }

    private final class Domains extends SendingDomainRecords {

        @Override
        public Optional<SendingDomain> find(String name) {
            return Optional.ofNullable(domains.get(name));
        }
    }
}
