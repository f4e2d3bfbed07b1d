package org.postage.application.processing;

import org.postage.application.credential.CredentialScope;
import org.postage.application.sender.VerifiedSenders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.postage.domain.sender.Sender;
import org.postage.domain.submission.Violation;

/**
 * The Flexmail requirement that mail come from a verified sender of the submitting account, and, for a credential
 * restricted to some senders, from one of those. Asked of the envelope sender at MAIL and of the From address once
 * the content rules passed.
 */
@ApplicationScoped
public class SenderRule {

    public static final String UNVERIFIED = "sender.unverified";
    public static final String NOT_ALLOWED = "sender.not-allowed";

    @Inject
    VerifiedSenders senders;

    /**
     * @param what    how the reason names the address: "The envelope sender" or "The From address"
     * @param address {@code local@domain} as the client gave it
     */
    public Optional<Violation> check(String what, long accountId, CredentialScope scope, String address) {
        String normalised = Sender.normalise(address);
        if (!senders.isVerified(accountId, normalised)) {
            // Another account's sender is reported like an unknown one: who else sends through Postage is not this
            // client's business.
            return Optional.of(new Violation(UNVERIFIED, what + " <" + normalised + "> is not a verified sender of"
                    + " this account", "Ask your Postage admin to add it as a sender (POST /api/admin/accounts/{id}/"
                    + "senders), then follow the link mailed to it"));
        }
        if (!scope.allows(normalised)) {
            return Optional.of(new Violation(NOT_ALLOWED, what + " <" + normalised + "> is not one of the senders this"
                    + " SMTP credential may use", "Send as one of the credential's senders, or ask your Postage"
                    + " admin to allow this one (PATCH /api/admin/smtp-credentials/{username})"));
        }
        return Optional.empty();
    }
}
