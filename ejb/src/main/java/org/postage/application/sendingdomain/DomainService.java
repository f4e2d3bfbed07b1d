package org.postage.application.sendingdomain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;
import org.postage.application.account.UnknownAccountException;
import org.postage.domain.sendingdomain.DkimKeyPair;
import org.postage.domain.sendingdomain.DkimSelector;
import org.postage.domain.sendingdomain.DomainRecordStatus;
import org.postage.domain.sendingdomain.SendingDomain;
import org.postage.domain.sendingdomain.dns.DnsIdentity;
import org.postage.domain.sendingdomain.dns.DnsRecordsToPublish;
import org.postage.domain.sendingdomain.dns.DomainDnsCheck;
import org.postage.domain.sendingdomain.dns.DomainDnsReport;

/** Adds sending domains with a fresh DKIM key, shows what they must publish, and checks DNS for it. */
@ApplicationScoped
public class DomainService {

    private static final Logger LOG = Logger.getLogger(DomainService.class.getName());

    @Inject
    SendingDomainRecords records;

    @Inject
    DomainDnsCheck dnsCheck;

    @Inject
    DnsRecordsToPublish toPublish;

    @Inject
    Clock clock;

    /**
     * @throws UnknownAccountException   no such account
     * @throws DuplicateDomainException  the domain is already some account's
     * @throws IllegalArgumentException  the name is not a domain name
     */
    public DomainView add(long accountId, String name, boolean skipDnsCheck) {
        DkimKeyPair key = DkimKeyPair.generate();
        SendingDomain domain = records.add(new SendingDomain(
                accountId,
                name,
                DkimSelector.next(clock).value(),
                key.privateKeyPkcs8Base64(),
                skipDnsCheck,
                clock.instant()));
        return view(domain);
    }

    /** @throws UnknownDomainException no such domain */
    public DomainView find(String name) {
        return view(records.find(SendingDomain.normalise(name)).orElseThrow(() -> new UnknownDomainException(name)));
    }

    /** Asks DNS now, outside any transaction, and stores the verdicts. */
    public DomainView check(String name) {
        SendingDomain domain =
                records.find(SendingDomain.normalise(name)).orElseThrow(() -> new UnknownDomainException(name));
        DomainDnsReport report = dnsCheck.check(identity(domain));
        List<DomainRecordStatus> results =
                report.checks().stream().map(DomainRecordStatus::new).toList();
        // Milliseconds: what the database keeps, so that the answer here and a later read show the same time.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SendingDomain checked =
                records.storeCheck(domain.getName(), results, at).orElseThrow(() -> new UnknownDomainException(name));
        LOG.info(() -> "domain=" + checked.getName() + " checked: authenticated=" + checked.isAuthenticated()
                + " failing=" + checked.failingRecords() + " unanswered=" + unanswered(checked));
        return view(checked);
    }

    /**
     * Asks DNS again for the domains whose last check got no answer for some record: those keep their last verdict
     * meanwhile, and should learn the real one within minutes, not at the next six-hourly check.
     */
    public void retryUnanswered() {
        checkEach(records.withUnansweredRecords(), "DNS re-check after a DNS error");
    }

    /** Checks every domain not authenticated yet, or not checked for {@code maxAge}; one failure stops none. */
    public void checkDue(Duration maxAge) {
        checkEach(records.dueForCheck(clock.instant().minus(maxAge)), "scheduled DNS check");
    }

    private void checkEach(List<String> names, String what) {
        for (String name : names) {
            try {
                check(name);
            } catch (RuntimeException e) {
                LOG.warning(() -> "domain=" + name + " " + what + " failed: " + e);
            }
        }
    }

    private static List<String> unanswered(SendingDomain domain) {
        return domain.getRecords().stream()
                .filter(r -> r.getDnsError() != null)
                .map(r -> r.getKind().name())
                .toList();
    }

    private static DnsIdentity identity(SendingDomain domain) {
        return new DnsIdentity(
                domain.getName(),
                domain.getDkimSelector(),
                DkimKeyPair.fromPkcs8Base64(domain.getDkimPrivateKey()).publicKeyBase64());
    }

    private DomainView view(SendingDomain domain) {
        List<DomainView.RecordToPublish> publish = toPublish.forDomain(identity(domain)).stream()
                .map(r -> new DomainView.RecordToPublish(
                        r.kind().name(), r.name(), r.type(), r.value(), r.zoneFileLine()))
                .toList();
        List<DomainView.RecordResult> checks = domain.getRecords().stream()
                .map(r -> new DomainView.RecordResult(
                        r.getKind(), r.getName(), r.getOutcome(), r.getReason(), r.getDnsError(), r.getDnsErrorAt()))
                .toList();
        return new DomainView(
                domain.getName(),
                domain.getAccountId(),
                domain.getDkimSelector(),
                domain.isSkipDnsCheck(),
                domain.isAuthenticated(),
                domain.getCheckedAt(),
                publish,
                checks);
    }
}
