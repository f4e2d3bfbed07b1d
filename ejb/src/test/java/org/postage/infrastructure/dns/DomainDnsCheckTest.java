package org.postage.infrastructure.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postage.domain.sendingdomain.DkimKeyPair;
import org.postage.domain.sendingdomain.dns.DnsIdentity;
import org.postage.domain.sendingdomain.dns.DnsRecord;
import org.postage.domain.sendingdomain.dns.DnsRecordsToPublish;
import org.postage.domain.sendingdomain.dns.DnsRequirements;
import org.postage.domain.sendingdomain.dns.DomainDnsCheck;
import org.postage.domain.sendingdomain.dns.DomainDnsReport;
import org.postage.domain.sendingdomain.dns.RecordCheck;
import org.postage.domain.sendingdomain.dns.RecordCheck.Outcome;
import org.postage.domain.sendingdomain.dns.RecordKind;

class DomainDnsCheckTest {

    private static final DnsRequirements REQUIREMENTS =
            new DnsRequirements("include:spf.postage.test", "pm-bounces", "bounces.postage.test");
    private static final Duration TIMEOUT = Duration.ofMillis(250);

    private static DnsIdentity domain;
    private static DkimKeyPair keys;
    private TinyDnsServer dns;
    private DomainDnsCheck check;

    @BeforeAll
    static void key() {
        keys = DkimKeyPair.generate();
        domain = new DnsIdentity("shop.example", "pst202611-k3x9", keys.publicKeyBase64());
    }

    @BeforeEach
    void startDns() throws Exception {
        dns = new TinyDnsServer();
        check = new DomainDnsCheck(REQUIREMENTS, new DnsLookup(dns.address(), TIMEOUT));
    }

    @AfterEach
    void stopDns() {
        dns.close();
    }

    @Test
    void theRecordsPostageAsksForPassEveryCheck() {
        publishAllBut(null);
        DomainDnsReport report = check.check(domain);
        assertTrue(report.allPassed(), report.toString());
        assertEquals(4, report.checks().size());
        assertEquals("shop.example", report.domain());
        assertEquals(
                "pst202611-k3x9._domainkey.shop.example",
                report.check(RecordKind.DKIM).name());
        assertEquals(
                "pm-bounces.shop.example", report.check(RecordKind.RETURN_PATH).name());
    }

    @ParameterizedTest
    @EnumSource(RecordKind.class)
    void eachMissingRecordFailsOnItsOwnWithAReason(RecordKind missing) {
        publishAllBut(missing);
        DomainDnsReport report = check.check(domain);
        for (RecordCheck c : report.checks()) {
            if (c.kind() == missing) {
                assertEquals(Outcome.FAIL, c.outcome(), c.toString());
                assertTrue(c.reason().startsWith("No "), c.reason());
                assertTrue(
                        c.reason().contains("does not exist (NXDOMAIN)")
                                || c.reason().contains("has no"),
                        c.reason());
            } else {
                assertEquals(Outcome.PASS, c.outcome(), c.toString());
            }
        }
    }

    @Test
    void aDomainThatDoesNotExistFailsAllFour() {
        DomainDnsReport report = check.check(domain);
        assertFalse(report.allPassed());
        report.checks().forEach(c -> assertEquals(Outcome.FAIL, c.outcome(), c.toString()));
        assertEquals(
                "No SPF record: shop.example does not exist (NXDOMAIN). Publish a TXT record "
                        + "\"v=spf1 include:spf.postage.test ~all\".",
                report.check(RecordKind.SPF).reason());
    }

    @Test
    void aResolverThatNeverAnswersFailsEveryCheckWithinTheDeadline() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DomainDnsCheck deaf =
                    new DomainDnsCheck(REQUIREMENTS, new DnsLookup("127.0.0.1:" + silent.getLocalPort(), TIMEOUT));
            long start = System.nanoTime();
            DomainDnsReport report = deaf.check(domain);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3_000, "took " + millis + " ms");
            for (RecordCheck c : report.checks()) {
                assertEquals(Outcome.DNS_ERROR, c.outcome(), c.toString());
                assertFalse(c.passed());
                assertTrue(
                        c.reason().startsWith("No answer from 127.0.0.1:" + silent.getLocalPort() + " for "),
                        c.reason());
                assertTrue(c.reason().contains("timed out"), c.reason());
            }
        }
    }

    @Test
    void servfailIsADnsErrorNotAMissingRecord() {
        publishAllBut(RecordKind.DMARC);
        dns.servfail("_dmarc.shop.example");
        RecordCheck dmarc = check.check(domain).check(RecordKind.DMARC);
        assertEquals(Outcome.DNS_ERROR, dmarc.outcome(), dmarc.toString());
        assertTrue(dmarc.reason().contains("SERVFAIL"), dmarc.reason());
    }

    @Test
    void aDkimKeyDelegatedByCnamePasses() {
        publishAllBut(RecordKind.DKIM);
        dns.cname("pst202611-k3x9._domainkey.shop.example", "shop-example.dkim.provider.test");
        dns.longTxt("shop-example.dkim.provider.test", keys.dnsTxtValue());
        RecordCheck dkim = check.check(domain).check(RecordKind.DKIM);
        assertTrue(dkim.passed(), dkim.toString());
    }

    @Test
    void aDifferentDkimKeyFails() {
        publishAllBut(RecordKind.DKIM);
        dns.longTxt(
                "pst202611-k3x9._domainkey.shop.example", DkimKeyPair.generate().dnsTxtValue());
        RecordCheck dkim = check.check(domain).check(RecordKind.DKIM);
        assertEquals(Outcome.FAIL, dkim.outcome());
        assertTrue(dkim.reason().contains("not the one Postage signs with"), dkim.reason());
    }

    @Test
    void anSpfRecordWithoutPostageFailsAndOtherTxtRecordsDoNotConfuseTheCheck() {
        publishAllBut(RecordKind.SPF);
        dns.txt("shop.example", "google-site-verification=abc");
        dns.txt("shop.example", "v=spf1 include:_spf.google.com ~all");
        RecordCheck spf = check.check(domain).check(RecordKind.SPF);
        assertEquals(Outcome.FAIL, spf.outcome());
        assertEquals(
                "SPF record \"v=spf1 include:_spf.google.com ~all\" does not contain include:spf.postage.test."
                        + " Add it before the final \"all\".",
                spf.reason());
    }

    @Test
    void aReturnPathPointingElsewhereFails() {
        publishAllBut(RecordKind.RETURN_PATH);
        dns.cname("pm-bounces.shop.example", "bounces.other-provider.test");
        RecordCheck returnPath = check.check(domain).check(RecordKind.RETURN_PATH);
        assertEquals(Outcome.FAIL, returnPath.outcome());
        assertEquals(
                "pm-bounces.shop.example is a CNAME of bounces.other-provider.test, not of bounces.postage.test:"
                        + " bounces would not reach Postage.",
                returnPath.reason());
    }

    @Test
    void aDmarcRecordWithAnUnknownPolicyFails() {
        publishAllBut(RecordKind.DMARC);
        dns.txt("_dmarc.shop.example", "v=DMARC1; p=block");
        RecordCheck dmarc = check.check(domain).check(RecordKind.DMARC);
        assertEquals(Outcome.FAIL, dmarc.outcome());
        assertTrue(dmarc.reason().contains("p=block"), dmarc.reason());
    }

    @Test
    void aFixedRecordPassesOnTheNextCheckBecauseNothingIsCached() {
        publishAllBut(RecordKind.SPF);
        assertFalse(check.check(domain).check(RecordKind.SPF).passed());
        dns.txt("shop.example", "v=spf1 include:spf.postage.test -all");
        assertTrue(check.check(domain).check(RecordKind.SPF).passed());
    }

    /** Publishes what DnsRecordsToPublish renders, TXT values cut into 255-byte strings, leaving one kind out. */
    private void publishAllBut(RecordKind left) {
        for (DnsRecord r : new DnsRecordsToPublish(REQUIREMENTS).forDomain(domain)) {
            if (r.kind() == left) {
                continue;
            }
            if (r.type().equals("TXT")) {
                dns.longTxt(r.name(), r.value());
            } else {
                dns.cname(r.name(), r.value());
            }
        }
    }
}
