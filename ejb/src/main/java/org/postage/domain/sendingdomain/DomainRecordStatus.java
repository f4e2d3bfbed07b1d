package org.postage.domain.sendingdomain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.postage.domain.sendingdomain.dns.RecordCheck;
import org.postage.domain.sendingdomain.dns.RecordKind;

/** The last verdict on one DNS record of a sending domain, as {@link RecordCheck} gave it. */
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

    protected DomainRecordStatus() {}

    public DomainRecordStatus(RecordCheck check) {
        this(check.kind(), check.name(), check.outcome(), check.reason());
    }

    public DomainRecordStatus(RecordKind kind, String name, RecordCheck.Outcome outcome, String reason) {
        this.kind = kind;
        this.name = name;
        this.outcome = outcome;
        this.reason = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
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
}
