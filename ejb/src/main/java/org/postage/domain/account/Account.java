package org.postage.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.postage.domain.ratelimit.RateLimits;

/** A tenant: everything it sends and every credential it holds belong to it alone. */
@Entity
@Table(name = "account")
public class Account {

    public static final int MAX_NAME_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Per-recipient limits of this account; null: the operator's defaults. */
    @Column(name = "per_recipient_per_minute")
    private Integer perRecipientPerMinute;

    @Column(name = "per_recipient_per_hour")
    private Integer perRecipientPerHour;

    protected Account() {}

    public Account(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public void setRateLimits(RateLimits limits) {
        this.perRecipientPerMinute = limits.perMinute();
        this.perRecipientPerHour = limits.perHour();
    }

    /** This account's limits, each falling back to the operator's default where the account sets none. */
    public RateLimits rateLimits(RateLimits defaults) {
        return new RateLimits(
                perRecipientPerMinute == null ? defaults.perMinute() : perRecipientPerMinute,
                perRecipientPerHour == null ? defaults.perHour() : perRecipientPerHour);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
