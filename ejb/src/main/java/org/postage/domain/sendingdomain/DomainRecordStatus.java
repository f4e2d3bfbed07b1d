package org.postage.domain.sendingdomain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The last verdict on one DNS record of a sending domain. Kind and outcome are kept as text (SPF, DKIM, DMARC,
 * RETURN_PATH; PASS, FAIL, DNS_ERROR): the DNS check that produces them lives outside the domain.
 */
@Embeddable
public class DomainRecordStatus {

    public static final String PASS = "PASS";
    static final int MAX_REASON = 1000;

    @Column(name = "kind", nullable = false, length = 20)
    private String kind;

    @Column(name = "record_name", nullable = false, length = 300)
    private String name;

    @Column(name = "outcome", nullable = false, length = 20)
    private String outcome;

    @Column(name = "reason", nullable = false, length = MAX_REASON)
    private String reason;

    protected DomainRecordStatus() {
    }

    public DomainRecordStatus(String kind, String name, String outcome, String reason) {
        this.kind = kind;
        this.name = name;
        this.outcome = outcome;
        this.reason = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
    }

    public String getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public boolean passed() {
        return PASS.equals(outcome);
    }
}
