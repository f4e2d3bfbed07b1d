package org.postage.application.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.postage.application.credential.CredentialScope;
import org.postage.application.sender.VerifiedSenders;
import org.postage.domain.mail.EmailAddress;
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
     * The envelope sender, in the resource adapter's RFC 5321 syntax: wider than {@link EmailAddress}, and what is
     * not one cannot be a sender.
     *
     * @param what    how the reason names the address: "The envelope sender"
     * @param address {@code local@domain} as the client gave it
     */
    public Optional<Violation> check(String what, long accountId, CredentialScope scope, String address) {
        return EmailAddress.parse(address)
                .map(a -> check(what, accountId, scope, a))
                .orElseGet(() -> Optional.of(unverified(what, address.strip().toLowerCase(Locale.ROOT))));
    }

    /** @param what how the reason names the address: "The From address" */
    public Optional<Violation> check(String what, long accountId, CredentialScope scope, EmailAddress address) {
        String normalised = address.toString();
        if (!senders.isVerified(accountId, normalised)) {
            return Optional.of(unverified(what, normalised));
        }
        if (!scope.allows(normalised)) {
            return Optional.of(new Violation(
                    NOT_ALLOWED,
                    what + " <" + normalised + "> is not one of the senders this" + " SMTP credential may use",
                    "Send as one of the credential's senders, or ask your Postage"
                            + " admin to allow this one (PATCH /api/admin/smtp-credentials/{username})"));
        }
        return Optional.empty();
    }

    private static Violation unverified(String what, String address) {
        // Another account's sender is reported like an unknown one: who else sends through Postage is not this
        // client's business.
        return new Violation(
                UNVERIFIED,
                what + " <" + address + "> is not a verified sender of this account",
                "Ask your Postage admin to add it as a sender (POST /api/admin/accounts/{id}/senders), then follow"
                        + " the link mailed to it");
    }
}
