package org.postage.domain.sendingdomain.dns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code _dmarc.<domain>} must hold one DMARC record with a policy: none, quarantine or reject. */
final class DmarcRule {

    private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");

    RecordCheck check(String name, DnsAnswer answer) {
        if (answer instanceof DnsAnswer.Absent a) {
            return RecordCheck.fail(
                    RecordKind.DMARC,
                    name,
                    "No DMARC record: " + a.why() + ". Publish a TXT record \"v=DMARC1; p=none\" to start.");
        }
        // RFC 7489 6.6.3: records that do not start with v=DMARC1 are ignored; more than one means no policy.
        List<TagList> dmarc = ((DnsAnswer.Found) answer)
                .values().stream()
                        .map(TagList::parse)
                        .flatMap(Optional::stream)
                        .filter(t -> t.startsWith("v") && t.get("v").orElse("").equals("DMARC1"))
                        .toList();
        if (dmarc.isEmpty()) {
            return RecordCheck.fail(
                    RecordKind.DMARC,
                    name,
                    "No DMARC record: none of the TXT records at " + name + " starts with v=DMARC1.");
        }
        if (dmarc.size() > 1) {
            return RecordCheck.fail(
                    RecordKind.DMARC,
                    name,
                    dmarc.size() + " DMARC records at " + name + "; receivers then apply none of them. Keep one.");
        }
        Optional<String> policy = dmarc.get(0).get("p");
        if (policy.isEmpty()) {
            return RecordCheck.fail(RecordKind.DMARC, name, "The DMARC record at " + name + " has no p= policy.");
        }
        if (!POLICIES.contains(policy.get().toLowerCase(Locale.ROOT))) {
            return RecordCheck.fail(
                    RecordKind.DMARC,
                    name,
                    "The DMARC policy p=" + policy.get() + " is none of none, quarantine, reject.");
        }
        String p = policy.get().toLowerCase(Locale.ROOT);
        return RecordCheck.pass(RecordKind.DMARC, name, "DMARC record with p=" + p + ".");
    }
}
