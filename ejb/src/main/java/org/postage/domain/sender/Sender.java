package org.postage.domain.sender;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import org.postage.domain.mail.EmailAddress;

/**
 * An email address an account sends as, in the lower-case form of {@link EmailAddress}. Mail from it is accepted
 * only once it is verified: its mailbox's owner followed the one-time link Postage mailed to it, or the operator
 * vouched for it. Only a digest of the link's token is kept, so a copy of the database cannot verify anything.
 */
@Entity
@Table(name = "sender", uniqueConstraints = @UniqueConstraint(columnNames = {"account_id", "email_address"}))
public class Sender {

    public enum VerifiedBy {
        LINK,
        OPERATOR
    }

    /** A verification link as stored: the digest of its token and its times; all null when there is none. */
    public record Link(String tokenDigest, Instant sentAt, Instant expiresAt) {}

    /** What following a verification link did. */
    public enum LinkOutcome {
        VERIFIED,
        ALREADY_USED,
        EXPIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "email_address", nullable = false, length = EmailAddress.MAX_LENGTH)
    private String emailAddress;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    // varchar, not H2's native ENUM, which read back wrong after a schema update (see Message.state).
    @Enumerated(EnumType.STRING)
    @Column(name = "verified_by", length = 16, columnDefinition = "varchar(16)")
    private VerifiedBy verifiedBy;

    /** SHA-256 of the link's token, hex; null once used, or when none was sent. */
    @Column(name = "token_digest", unique = true, length = 64)
    private String tokenDigest;

    @Column(name = "link_sent_at")
    private Instant linkSentAt;

    @Column(name = "link_expires_at")
    private Instant linkExpiresAt;

    protected Sender() {}

    /**
     * @param emailAddress kept as {@link EmailAddress} normalises it
     * @throws IllegalArgumentException not an {@link EmailAddress}
     */
    public Sender(long accountId, String emailAddress, Instant createdAt) {
        this.accountId = accountId;
        this.emailAddress = EmailAddress.of(emailAddress).toString();
        this.createdAt = createdAt;
    }

    /** A new link replaces any earlier one, which stops working. */
    public void linkSent(String tokenDigest, Instant sentAt, Instant expiresAt) {
        this.tokenDigest = tokenDigest;
        this.linkSentAt = sentAt;
        this.linkExpiresAt = expiresAt;
    }

    /** The link now in force, to {@link #restoreLink} should a newer one not reach the mailbox. */
    public Link link() {
        return new Link(tokenDigest, linkSentAt, linkExpiresAt);
    }

    /**
     * Puts an earlier link back in force in place of one that could not be mailed, unless that one is no longer in
     * force itself (a newer link, a verification replaced it).
     */
    public void restoreLink(Link unsent, Link earlier) {
        if (tokenDigest != null
                && tokenDigest.equals(unsent.tokenDigest())
                && Objects.equals(linkSentAt, unsent.sentAt())) {
            linkSent(earlier.tokenDigest(), earlier.sentAt(), earlier.expiresAt());
        }
    }

    /** The owner of the mailbox followed the link with this token digest (the one it was found by). */
    public LinkOutcome followLink(Instant now) {
        if (tokenDigest == null) {
            return LinkOutcome.ALREADY_USED;
        }
        if (!now.isBefore(linkExpiresAt)) {
            return LinkOutcome.EXPIRED;
        }
        tokenDigest = null; // one-time
        if (verifiedAt == null) {
            verifiedAt = now;
            verifiedBy = VerifiedBy.LINK;
        }
        return LinkOutcome.VERIFIED;
    }

    /** The operator knows the address is the account's: verified without a link; any link sent stops working. */
    public void verifyByOperator(Instant now) {
        tokenDigest = null;
        if (verifiedAt == null) {
            verifiedAt = now;
            verifiedBy = VerifiedBy.OPERATOR;
        }
    }

    public boolean isVerified() {
        return verifiedAt != null;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public VerifiedBy getVerifiedBy() {
        return verifiedBy;
    }

    public Instant getLinkSentAt() {
        return linkSentAt;
    }

    public Instant getLinkExpiresAt() {
        return linkExpiresAt;
    }

    /** Whether a link was sent that still works at {@code now}. */
    public boolean hasLiveLink(Instant now) {
        return tokenDigest != null && now.isBefore(linkExpiresAt);
    }
}
