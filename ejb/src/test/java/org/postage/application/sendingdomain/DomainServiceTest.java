package org.postage.application.sendingdomain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.postage.domain.sendingdomain.DomainRecordStatus;
import org.postage.domain.sendingdomain.SendingDomain;
import org.postage.domain.sendingdomain.dns.DnsAnswer;
import org.postage.domain.sendingdomain.dns.DnsRecordsToPublish;
import org.postage.domain.sendingdomain.dns.DnsRequirements;
import org.postage.domain.sendingdomain.dns.DomainDnsCheck;
import org.postage.domain.sendingdomain.dns.RecordCheck.Outcome;
import org.postage.domain.sendingdomain.dns.RecordKind;
import org.postage.domain.sendingdomain.dns.RecordLookup;

/**
 * Checks against a DNS kept in memory that can be told to time out, and domains kept in memory instead of the
 * database: a timeout keeps the last verdict and is asked again by the retry, an answer decides.
 */
class DomainServiceTest {

    private static final DnsRequirements REQUIREMENTS =
            new DnsRequirements("include:spf.postage.test", "pm-bounces", "bounces.postage.test");

    private final Dns dns = new Dns();
    private final Records records = new Records();
    private final DomainService service = new DomainService();

    DomainServiceTest() {
        service.records = records;
        service.dnsCheck = new DomainDnsCheck(REQUIREMENTS, dns);
        service.toPublish = new DnsRecordsToPublish(REQUIREMENTS);
        service.clock = Clock.fixed(Instant.parse("2026-12-01T06:17:00Z"), ZoneOffset.UTC);
    }

    @Test
    void aTimeoutKeepsTheDomainAuthenticatedAndTheApiShowsTheVerdictAndTheError() {
        DomainView added = publishedDomain("shop.example");
        assertTrue(service.check("shop.example").authenticated());

        String dkimHost = added.recordsToPublish().get(1).name();
        dns.timeOut(dkimHost);
        DomainView view = service.check("shop.example");
        assertTrue(view.authenticated(), "a resolver timeout is not a missing record");
        DomainView.RecordResult dkim = view.checks().get(1);
        assertEquals(RecordKind.DKIM, dkim.kind());
        assertEquals(Outcome.PASS, dkim.outcome(), "the last verdict DNS gave");
        assertTrue(dkim.dnsError().contains("Timed out"), dkim.toString());
        assertEquals(service.clock.instant(), dkim.dnsErrorAt());
        assertNull(view.checks().get(0).dnsError(), "SPF was answered");
        assertEquals(view, service.find("shop.example"), "stored as shown");
    }

    @Test
    void theRetryAsksAgainOnlyForDomainsWithUnansweredRecordsAndAnAnswerClearsTheError() {
        DomainView flaky = publishedDomain("flaky.example");
        publishedDomain("steady.example");
        service.check("flaky.example");
        service.check("steady.example");
        dns.timeOut(flaky.recordsToPublish().get(2).name());
        service.check("flaky.example");

        dns.asked.clear();
        service.retryUnanswered();
        assertTrue(dns.asked.stream().allMatch(n -> n.endsWith("flaky.example")), dns.asked::toString);
        assertEquals(4, dns.asked.size(), "one check: all four records of the one domain");
        assertEquals(Outcome.PASS, service.find("flaky.example").checks().get(2).outcome());

        dns.answerAgain();
        service.retryUnanswered();
        DomainView healed = service.find("flaky.example");
        assertTrue(healed.checks().stream().allMatch(c -> c.dnsError() == null), healed.toString());
        dns.asked.clear();
        service.retryUnanswered();
        assertTrue(dns.asked.isEmpty(), "nothing left to ask again");
    }

    @Test
    void anAnswerThatTheRecordIsGoneTakesTheAuthenticationAway() {
        DomainView added = publishedDomain("gone.example");
        service.check("gone.example");
        String dmarcHost = added.recordsToPublish().get(2).name();
        dns.timeOut(dmarcHost);
        assertTrue(service.check("gone.example").authenticated());
        dns.answerAgain();
        dns.records.remove(dmarcHost);
        DomainView view = service.check("gone.example");
        assertFalse(view.authenticated());
        assertEquals(Outcome.FAIL, view.checks().get(2).outcome());
        assertNull(view.checks().get(2).dnsError());
    }

    @Test
    void aFirstCheckThatGetsNoAnswerIsADnsErrorAndIsRetried() {
        DomainView added = publishedDomain("new.example");
        dns.timeOut(added.recordsToPublish().get(0).name());
        DomainView view = service.check("new.example");
        assertFalse(view.authenticated(), "nothing known yet");
        assertEquals(Outcome.DNS_ERROR, view.checks().get(0).outcome());
        assertEquals(List.of("new.example"), records.withUnansweredRecords());
    }

    /** Adds the domain and publishes the four records it asks for. */
    private DomainView publishedDomain(String name) {
        DomainView added = service.add(1, name, false);
        for (DomainView.RecordToPublish r : added.recordsToPublish()) {
            dns.records.put(r.name(), r.value());
        }
        return added;
    }

    /** One TXT or CNAME value per name; a name told to time out gets no answer, as a resolver that gave up. */
    private static final class Dns implements RecordLookup {

        final Map<String, String> records = new ConcurrentHashMap<>();
        final Set<String> timingOut = ConcurrentHashMap.newKeySet();
        final List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());

        void timeOut(String name) {
            timingOut.add(name);
        }

        void answerAgain() {
            timingOut.clear();
        }

        @Override
        public CompletableFuture<DnsAnswer> txt(String name) {
            return CompletableFuture.completedFuture(answer(name));
        }

        @Override
        public CompletableFuture<DnsAnswer> cname(String name) {
            return CompletableFuture.completedFuture(answer(name));
        }

        private DnsAnswer answer(String name) {
            asked.add(name);
            if (timingOut.contains(name)) {
                return new DnsAnswer.Unanswered("Timed out asking 127.0.0.1:53 for " + name);
            }
            String value = records.get(name);
            return value == null ? new DnsAnswer.Absent("No record at " + name) : new DnsAnswer.Found(List.of(value));
        }
    }

    private static final class Records extends SendingDomainRecords {

        final Map<String, SendingDomain> domains = new LinkedHashMap<>();

        @Override
        public SendingDomain add(SendingDomain domain) {
            domains.put(domain.getName(), domain);
            return domain;
        }

        @Override
        public Optional<SendingDomain> find(String name) {
            return Optional.ofNullable(domains.get(name));
        }

        @Override
        public Optional<SendingDomain> storeCheck(String name, List<DomainRecordStatus> results, Instant at) {
            Optional<SendingDomain> domain = find(name);
            domain.ifPresent(d -> d.recordCheck(results, at));
            return domain;
        }

        @Override
        public List<String> dueForCheck(Instant checkedBefore) {
            return List.copyOf(domains.keySet());
        }

        @Override
        public List<String> withUnansweredRecords() {
            return domains.values().stream()
                    .filter(SendingDomain::hasUnansweredRecords)
                    .map(SendingDomain::getName)
                    .toList();
        }
    }
}
