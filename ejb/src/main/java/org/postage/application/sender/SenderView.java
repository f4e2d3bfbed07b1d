package org.postage.application.sender;

import java.time.Instant;
import org.postage.domain.sender.Sender;

/** A sender as the admin API shows it. */
public record SenderView(
        long id,
        long accountId,
        String emailAddress,
        boolean verified,
        Instant verifiedAt,
        String verifiedBy,
        Instant verificationSentAt,
        Instant verificationExpiresAt,
        Instant createdAt) {

    static SenderView of(Sender s) {
        return new SenderView(
                s.getId(),
                s.getAccountId(),
                s.getEmailAddress(),
                s.isVerified(),
                s.getVerifiedAt(),
                s.getVerifiedBy() == null ? null : s.getVerifiedBy().name().toLowerCase(java.util.Locale.ROOT),
                s.getLinkSentAt(),
                s.getLinkExpiresAt(),
                s.getCreatedAt());
    }
}
