package org.postage.domain.sendingdomain.dns;

import java.util.List;
import java.util.Locale;

/**
 * The domain's SPF record must exist once and contain the operator's mechanism before any {@code all}. Includes
 * are not followed: whether the operator's own record is right is the operator's business, not the domain's.
 */
final class SpfRule {

    private final String mechanism;

    SpfRule(DnsRequirements requirements) {
        this.mechanism = requirements.spfMechanism();
    }

    RecordCheck check(String name, DnsAnswer answer) {
        if (answer instanceof DnsAnswer.Absent a) {
            return RecordCheck.fail(
                    RecordKind.SPF,
                    name,
                    "No SPF record: " + a.why() + ". Publish a TXT record \"v=spf1 " + mechanism + " ~all\".");
        }
        List<String> spf = ((DnsAnswer.Found) answer)
                .values().stream().filter(SpfRule::isSpf).toList();
        if (spf.isEmpty()) {
            return RecordCheck.fail(
                    RecordKind.SPF,
                    name,
                    "No SPF record: none of the TXT records at " + name + " starts with v=spf1. Publish \"v=spf1 "
                            + mechanism + " ~all\".");
        }
        if (spf.size() > 1) {
            return RecordCheck.fail(
                    RecordKind.SPF,
                    name,
                    spf.size() + " SPF records at " + name
                            + "; receivers treat that as an error (RFC 7208 4.5). Merge them into one with " + mechanism
                            + ".");
        }
        return checkTerms(name, spf.get(0));
    }

    private RecordCheck checkTerms(String name, String record) {
        String[] terms = record.trim().split("\\s+");
        boolean afterAll = false;
        for (int i = 1; i < terms.length; i++) {
            String term = terms[i].toLowerCase(Locale.ROOT);
            char qualifier = "+-~?".indexOf(term.charAt(0)) >= 0 ? term.charAt(0) : '+';
            String bare = term.charAt(0) == qualifier ? term.substring(1) : term;
            if (bare.equals(mechanism) && !afterAll) {
                String quoted = "SPF record \"" + record + "\"";
                return qualifier == '+'
                        ? RecordCheck.pass(RecordKind.SPF, name, quoted + " contains " + mechanism + ".")
                        : RecordCheck.fail(
                                RecordKind.SPF,
                                name,
                                quoted + " has " + term
                                        + ": with that qualifier, mail from Postage does not pass. Write " + mechanism
                                        + ".");
            }
            if (bare.equals(mechanism)) {
                return RecordCheck.fail(
                        RecordKind.SPF,
                        name,
                        "SPF record \"" + record + "\" has " + mechanism
                                + " after \"all\", where it is never evaluated (RFC 7208 5.1). Move it before.");
            }
            afterAll |= bare.equals("all");
        }
        return RecordCheck.fail(
                RecordKind.SPF,
                name,
                "SPF record \"" + record + "\" does not contain " + mechanism + ". Add it before the final \"all\".");
    }

    /** RFC 7208 4.5: "v=spf1" followed by a space or the end, case-insensitively. */
    private static boolean isSpf(String txt) {
        String t = txt.toLowerCase(Locale.ROOT);
        return t.equals("v=spf1") || t.startsWith("v=spf1 ");
    }
}
