package org.postage.domain.sendingdomain.dns;

import java.util.List;

/** The verdicts on the four records of one sending domain, in the order SPF, DKIM, DMARC, return path. */
public record DomainDnsReport(String domain, List<RecordCheck> checks) {

    public DomainDnsReport {
        checks = List.copyOf(checks);
    }

    public boolean allPassed() {
        return checks.stream().allMatch(RecordCheck::passed);
    }

    public RecordCheck check(RecordKind kind) {
        return checks.stream()
                .filter(c -> c.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " check"));
    }
}
