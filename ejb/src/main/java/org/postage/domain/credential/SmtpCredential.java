package org.postage.domain.credential;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.postage.domain.account.Account;
import org.postage.domain.mail.EmailAddress;

/**
 * A username and password an application uses for SMTP AUTH. Only a salted slow hash of the password is kept;
 * the password itself is shown once, when the credential is issued.
 */
@Entity
@Table(name = "smtp_credential")
public class SmtpCredential {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /**
     * Refuse a submission that breaks a rule with 550 at the end of DATA instead of accepting it and sending an NDR.
     */
    @Column(name = "refuse_in_session", nullable = false)
    private boolean refuseInSession;

    /** The senders this credential may send as; empty means any verified sender of its account. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "smtp_credential_sender", joinColumns = @JoinColumn(name = "credential_id"))
    @Column(name = "email_address", nullable = false, length = EmailAddress.MAX_LENGTH)
    private Set<String> allowedSenders = new TreeSet<>();

    protected SmtpCredential() {}

    public SmtpCredential(String username, String passwordHash, Account account, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.account = account;
        this.createdAt = createdAt;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** Revoking twice keeps the first time. */
    public void revoke(Instant when) {
        if (revokedAt == null) {
            revokedAt = when;
        }
    }

    public void refuseInSession(boolean refuse) {
        this.refuseInSession = refuse;
    }

    /** @param senders normalised addresses of this credential's account's senders; none lifts the restriction */
    public void restrictTo(Collection<String> senders) {
        allowedSenders.clear();
        allowedSenders.addAll(senders);
    }

    public Set<String> getAllowedSenders() {
        return Set.copyOf(allowedSenders);
    }

    public boolean isRefuseInSession() {
        return refuseInSession;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Account getAccount() {
        return account;
    }

    public Long getAccountId() {
        return account.getId();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
