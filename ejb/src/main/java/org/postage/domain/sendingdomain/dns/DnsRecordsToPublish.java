package org.postage.domain.sendingdomain.dns;

import java.util.List;
import org.postage.domain.sendingdomain.DkimKeyPair;

/** The four records a sending domain publishes for Postage, in the form the admin API shows them. */
public final class DnsRecordsToPublish {

    private final DnsRequirements requirements;

    public DnsRecordsToPublish(DnsRequirements requirements) {
        this.requirements = requirements;
    }

    /**
     * SPF, DKIM, DMARC and return path, in that order. A domain may have only one SPF record: if it already has
     * one, the owner adds the mechanism to it rather than publishing this one. DMARC starts at {@code p=none}, which
     * only asks for reports; the owner raises it once mail passes.
     */
    public List<DnsRecord> forDomain(DnsIdentity domain) {
        return List.of(
                new DnsRecord(RecordKind.SPF, domain.name(), "TXT", "v=spf1 " + requirements.spfMechanism() + " ~all"),
                new DnsRecord(
                        RecordKind.DKIM, domain.dkimHost(), "TXT", DkimKeyPair.dnsTxtValue(domain.dkimPublicKey())),
                new DnsRecord(RecordKind.DMARC, domain.dmarcHost(), "TXT", "v=DMARC1; p=none"),
                new DnsRecord(
                        RecordKind.RETURN_PATH,
                        requirements.returnPathHost(domain),
                        "CNAME",
                        requirements.bounceHost()));
    }
}
