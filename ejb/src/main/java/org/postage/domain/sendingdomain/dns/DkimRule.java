package org.postage.domain.sendingdomain.dns;

import java.util.List;
import java.util.Optional;

/**
 * The key record at {@code <selector>._domainkey.<domain>} must be one DKIM1 RSA key with Postage's public key.
 * Judges an answer DNS gave (found or absent), like the other rules.
 */
final class DkimRule {

    RecordCheck check(String name, DnsAnswer answer, String expectedKey) {
        if (answer instanceof DnsAnswer.Absent a) {
            return RecordCheck.fail(
                    RecordKind.DKIM,
                    name,
                    "No DKIM key: " + a.why()
                            + ". Publish the TXT record \"v=DKIM1; k=rsa; p=...\" that Postage shows for this domain.");
        }
        List<String> records = ((DnsAnswer.Found) answer).values();
        if (records.size() > 1) {
            // RFC 6376 3.6.2.2: a verifier may use any one of them, so mail would pass or fail at random.
            return RecordCheck.fail(
                    RecordKind.DKIM,
                    name,
                    records.size() + " TXT records at " + name + "; verifiers pick any one. Keep only Postage's key.");
        }
        String record = records.get(0);
        Optional<TagList> parsed = TagList.parse(record);
        if (parsed.isEmpty()) {
            return RecordCheck.fail(
                    RecordKind.DKIM,
                    name,
                    "The TXT record at " + name + " is not a DKIM key record: " + abbreviated(record));
        }
        TagList tags = parsed.get();
        Optional<String> version = tags.get("v");
        if (version.isPresent() && (!version.get().equals("DKIM1") || !tags.startsWith("v"))) {
            return RecordCheck.fail(
                    RecordKind.DKIM, name, "The key record's v= must be DKIM1 and come first: " + abbreviated(record));
        }
        if (!tags.get("k").orElse("rsa").equalsIgnoreCase("rsa")) {
            return RecordCheck.fail(
                    RecordKind.DKIM,
                    name,
                    "The key record is for k=" + tags.get("k").get() + "; Postage signs with k=rsa.");
        }
        String published = tags.get("p").orElse("").replaceAll("\\s", "");
        if (published.isEmpty()) {
            return RecordCheck.fail(
                    RecordKind.DKIM,
                    name,
                    tags.get("p").isPresent()
                            ? "The key at " + name + " is revoked (empty p=)."
                            : "The key record at " + name + " has no p=.");
        }
        if (!published.equals(expectedKey)) {
            return RecordCheck.fail(
                    RecordKind.DKIM,
                    name,
                    "The key at " + name + " is not the one Postage signs with" + " (published p="
                            + abbreviated(published) + ", expected p=" + abbreviated(expectedKey) + ").");
        }
        return RecordCheck.pass(RecordKind.DKIM, name, "The key at " + name + " is the one Postage signs with.");
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 16) + "..." + s.substring(s.length() - 16);
    }
}
