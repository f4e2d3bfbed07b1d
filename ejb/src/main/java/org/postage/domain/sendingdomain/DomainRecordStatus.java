package org.postage.domain.sendingdomain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.postage.domain.sendingdomain.dns.RecordCheck;
import org.postage.domain.sendingdomain.dns.RecordKind;

/**
 * The last verdict on one DNS record of a sending domain, as {@link RecordCheck} gave it, and whether the last check
 * got no answer from DNS for it ({@link #getDnsError()}): a timeout or SERVFAIL says nothing about the record, so the
 * verdict before it stands ({@link SendingDomain#recordCheck}).
 */
@Embeddable
public class DomainRecordStatus {

    static final int MAX_REASON = 1000;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private RecordKind kind;

    @Column(name = "record_name", nullable = false, length = 300)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 20)
    private RecordCheck.Outcome outcome;

    @Column(name = "reason", nullable = false, length = MAX_REASON)
    private String reason;

    /** Why the last check got no answer for this record (timeout, SERVFAIL), or null when it got one. */
    @Column(name = "dns_error", length = MAX_REASON)
    private String dnsError;

    /** When the last check got no answer, or null when it got one. */
    @Column(name = "dns_error_at")
    private Instant dnsErrorAt;

    protected DomainRecordStatus() {}

    public DomainRecordStatus(RecordCheck check) {
        this(check.kind(), check.name(), check.outcome(), check.reason());
    }

    public DomainRecordStatus(RecordKind kind, String name, RecordCheck.Outcome outcome, String reason) {
        this.kind = kind;
        this.name = name;
        this.outcome = outcome;
        this.reason = bounded(reason);
    }

    /**
     * This verdict, kept through a check that got no answer: {@code unanswered} (a
     * {@link RecordCheck.Outcome#DNS_ERROR}) says why and {@code at} when. A DNS error with no verdict before it is
     * stored as it is, with the same marks.
     */
    DomainRecordStatus keptThrough(DomainRecordStatus unanswered, Instant at) {
        DomainRecordStatus kept = new DomainRecordStatus(kind, name, outcome, reason);
        kept.dnsError = bounded(unanswered.reason);
        kept.dnsErrorAt = at;
        return kept;
    }

    private static String bounded(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
    }

    public RecordKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public RecordCheck.Outcome getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public boolean passed() {
        return outcome == RecordCheck.Outcome.PASS;
    }

    /** An answer of DNS, pass or fail, rather than none. */
    public boolean isAnswered() {
        return outcome != RecordCheck.Outcome.DNS_ERROR;
    }

    /** Why the last check could not reach DNS for this record, or null when it got an answer. */
    public String getDnsError() {
        return dnsError;
    }

    public Instant getDnsErrorAt() {
        return dnsErrorAt;
    }
}
