package org.postage.domain.sendingdomain.dns;

import java.util.List;
import java.util.Locale;

/** The return-path host must be a CNAME of the operator's bounce host, so bounces reach Postage. */
final class ReturnPathRule {

    private final String bounceHost;

    ReturnPathRule(DnsRequirements requirements) {
        this.bounceHost = requirements.bounceHost();
    }

    RecordCheck check(String name, DnsAnswer answer) {
        if (answer instanceof DnsAnswer.Absent a) {
            return RecordCheck.fail(
                    RecordKind.RETURN_PATH,
                    name,
                    "No return-path CNAME: " + a.why() + ". Publish " + name + " CNAME " + bounceHost + ".");
        }
        List<String> targets = ((DnsAnswer.Found) answer).values();
        String target = targets.get(0).toLowerCase(Locale.ROOT);
        if (!target.equals(bounceHost)) {
            return RecordCheck.fail(
                    RecordKind.RETURN_PATH,
                    name,
                    name + " is a CNAME of " + target + ", not of " + bounceHost
                            + ": bounces would not reach Postage.");
        }
        return RecordCheck.pass(RecordKind.RETURN_PATH, name, name + " is a CNAME of " + bounceHost + ".");
    }
}
