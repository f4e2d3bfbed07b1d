package org.postage.application.credential;

import java.time.Instant;
import java.util.List;
import org.postage.domain.credential.SmtpCredential;

/** An SMTP credential as the admin API shows it: everything but the password, which is never kept. */
public record CredentialView(
        String username,
        long accountId,
        Instant createdAt,
        Instant revokedAt,
        boolean refuseInSession,
        List<String> allowedSenders) {

    static CredentialView of(SmtpCredential c) {
        return new CredentialView(
                c.getUsername(),
                c.getAccountId(),
                c.getCreatedAt(),
                c.getRevokedAt(),
                c.isRefuseInSession(),
                c.getAllowedSenders().stream().sorted().toList());
    }
}
