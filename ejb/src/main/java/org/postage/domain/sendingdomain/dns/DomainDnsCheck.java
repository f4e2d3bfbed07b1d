package org.postage.domain.sendingdomain.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Checks the four records of a sending domain against what Postage needs, asking all four at once. However DNS
 * behaves, it returns once every attempt has timed out (two per server) plus a second at most; a resolver that does
 * not answer gives failed checks that say so. Thread-safe; meant to be created once.
 */
public final class DomainDnsCheck {

    private final DnsRequirements requirements;
    private final RecordLookup dns;
    private final SpfRule spf;
    private final DkimRule dkim = new DkimRule();
    private final DmarcRule dmarc = new DmarcRule();
    private final ReturnPathRule returnPath;

    /** @param dns the resolver to ask, which gives up on its own (no answer is waited for longer than it says) */
    public DomainDnsCheck(DnsRequirements requirements, RecordLookup dns) {
        this.requirements = requirements;
        this.dns = dns;
        this.spf = new SpfRule(requirements);
        this.returnPath = new ReturnPathRule(requirements);
    }

    public DomainDnsReport check(DnsIdentity domain) {
        String returnPathHost = requirements.returnPathHost(domain);
        CompletableFuture<DnsAnswer> spfAnswer = dns.txt(domain.name());
        CompletableFuture<DnsAnswer> dkimAnswer = dns.txt(domain.dkimHost());
        CompletableFuture<DnsAnswer> dmarcAnswer = dns.txt(domain.dmarcHost());
        CompletableFuture<DnsAnswer> returnPathAnswer = dns.cname(returnPathHost);
        return new DomainDnsReport(
                domain.name(),
                List.of(
                        verdict(RecordKind.SPF, domain.name(), spfAnswer, a -> spf.check(domain.name(), a)),
                        verdict(
                                RecordKind.DKIM,
                                domain.dkimHost(),
                                dkimAnswer,
                                a -> dkim.check(domain.dkimHost(), a, domain.dkimPublicKey())),
                        verdict(
                                RecordKind.DMARC,
                                domain.dmarcHost(),
                                dmarcAnswer,
                                a -> dmarc.check(domain.dmarcHost(), a)),
                        verdict(
                                RecordKind.RETURN_PATH,
                                returnPathHost,
                                returnPathAnswer,
                                a -> returnPath.check(returnPathHost, a))));
    }

    /** The rules judge what DNS said; when it said nothing, there is nothing to judge. */
    private static RecordCheck verdict(
            RecordKind kind, String name, CompletableFuture<DnsAnswer> pending, Function<DnsAnswer, RecordCheck> rule) {
        DnsAnswer answer = pending.join();
        if (answer instanceof DnsAnswer.Unanswered u) {
            return new RecordCheck(kind, name, RecordCheck.Outcome.DNS_ERROR, u.why());
        }
        return rule.apply(answer);
    }
}
