package org.postage.application.sendingdomain;

import java.time.Instant;
import java.util.List;
import org.postage.domain.sendingdomain.dns.RecordCheck;
import org.postage.domain.sendingdomain.dns.RecordKind;

/**
 * A sending domain as the admin API shows it: the records to publish and the last check, never the private key.
 */
public record DomainView(
        String name,
        long accountId,
        String dkimSelector,
        boolean skipDnsCheck,
        boolean authenticated,
        Instant checkedAt,
        List<RecordToPublish> recordsToPublish,
        List<RecordResult> checks) {

    /** @param zoneFileLine the same record as a zone file line, TXT values split into 255-byte strings */
    public record RecordToPublish(String kind, String name, String type, String value, String zoneFileLine) {}

    /**
     * The verdict on one record and, when the last check could not reach DNS for it, why and when: the verdict is
     * then the one of the last check that got an answer (or DNS_ERROR when none did), still in force.
     *
     * @param dnsError   why the last check got no answer (timeout, SERVFAIL), or null when it got one
     * @param dnsErrorAt when that check ran, or null
     */
    public record RecordResult(
            RecordKind kind,
            String name,
            RecordCheck.Outcome outcome,
            String reason,
            String dnsError,
            Instant dnsErrorAt) {}
}
