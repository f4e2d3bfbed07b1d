package org.postage.domain.sendingdomain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postage.domain.sendingdomain.dns.RecordCheck.Outcome;
import org.postage.domain.sendingdomain.dns.RecordKind;

class SendingDomainTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void namesAreKeptInLowerCaseAndMustBeHostNames() {
        assertEquals("shop.example", domain("Shop.Example", false).getName());
        assertFalse(SendingDomain.isValidName("localhost"));
        assertFalse(SendingDomain.isValidName("shop..example"));
        assertFalse(SendingDomain.isValidName("-shop.example"));
        assertFalse(SendingDomain.isValidName("shop example.com"));
        assertTrue(SendingDomain.isValidName("xn--bcher-kva.example"));
        assertThrows(IllegalArgumentException.class, () -> domain("not a domain", false));
    }

    @Test
    void anUncheckedDomainFailsAllFourRecords() {
        SendingDomain d = domain("shop.example", false);
        assertFalse(d.isAuthenticated());
        assertEquals(SendingDomain.RECORD_KINDS, d.failingRecords());
    }

    @Test
    void aDomainIsAuthenticatedWhenAllFourPassOrTheCheckIsSkipped() {
        SendingDomain d = domain("shop.example", false);
        d.recordCheck(results(Outcome.FAIL), NOW);
        assertFalse(d.isAuthenticated());
        assertEquals(List.of(RecordKind.DMARC), d.failingRecords());
        d.recordCheck(results(Outcome.PASS), NOW);
        assertTrue(d.isAuthenticated());
        assertEquals(NOW, d.getCheckedAt());
        assertTrue(domain("trusted.example", true).isAuthenticated());
    }

    @Test
    void aDnsErrorKeepsTheLastVerdictSoTheDomainStaysAuthenticated() {
        SendingDomain d = domain("shop.example", false);
        d.recordCheck(results(Outcome.PASS), NOW);
        Instant later = NOW.plusSeconds(6 * 3600);
        d.recordCheck(results(Outcome.DNS_ERROR), later);
        assertTrue(d.isAuthenticated(), "a resolver timeout says nothing about the record");
        DomainRecordStatus dmarc = d.getRecords().get(2);
        assertEquals(Outcome.PASS, dmarc.getOutcome());
        assertEquals("ok", dmarc.getReason(), "the verdict's own reason");
        assertEquals("why", dmarc.getDnsError(), "why DNS gave no answer");
        assertEquals(later, dmarc.getDnsErrorAt());
        assertTrue(d.hasUnansweredRecords());
        assertEquals(later, d.getCheckedAt());
        assertNull(d.getRecords().get(0).getDnsError(), "the records DNS answered for carry no error");
    }

    @Test
    void aDnsErrorKeepsAFailedVerdictFailed() {
        SendingDomain d = domain("shop.example", false);
        d.recordCheck(results(Outcome.FAIL), NOW);
        d.recordCheck(results(Outcome.DNS_ERROR), NOW.plusSeconds(60));
        assertFalse(d.isAuthenticated());
        assertEquals(Outcome.FAIL, d.getRecords().get(2).getOutcome());
        assertEquals(List.of(RecordKind.DMARC), d.failingRecords());
    }

    @Test
    void aDnsErrorWithoutAVerdictBeforeItIsTheVerdict() {
        SendingDomain d = domain("shop.example", false);
        d.recordCheck(results(Outcome.DNS_ERROR), NOW);
        assertFalse(d.isAuthenticated());
        assertEquals(Outcome.DNS_ERROR, d.getRecords().get(2).getOutcome());
        assertEquals("why", d.getRecords().get(2).getDnsError());
        assertTrue(d.hasUnansweredRecords());
        // Another error later: still nothing known.
        d.recordCheck(results(Outcome.DNS_ERROR), NOW.plusSeconds(300));
        assertEquals(Outcome.DNS_ERROR, d.getRecords().get(2).getOutcome());
        assertEquals(NOW.plusSeconds(300), d.getRecords().get(2).getDnsErrorAt());
    }

    @Test
    void repeatedDnsErrorsKeepTheVerdictAndAnAnswerClearsTheError() {
        SendingDomain d = domain("shop.example", false);
        d.recordCheck(results(Outcome.PASS), NOW);
        d.recordCheck(results(Outcome.DNS_ERROR), NOW.plusSeconds(300));
        d.recordCheck(results(Outcome.DNS_ERROR), NOW.plusSeconds(600));
        assertTrue(d.isAuthenticated());
        assertEquals(NOW.plusSeconds(600), d.getRecords().get(2).getDnsErrorAt());
        d.recordCheck(results(Outcome.PASS), NOW.plusSeconds(900));
        assertFalse(d.hasUnansweredRecords());
        assertNull(d.getRecords().get(2).getDnsError());
    }

    @Test
    void onlyAnAnswerThatTheRecordIsMissingOrWrongTakesTheAuthenticationAway() {
        SendingDomain d = domain("shop.example", false);
        d.recordCheck(results(Outcome.PASS), NOW);
        d.recordCheck(results(Outcome.DNS_ERROR), NOW.plusSeconds(300));
        d.recordCheck(results(Outcome.FAIL), NOW.plusSeconds(600));
        assertFalse(d.isAuthenticated());
        assertEquals(List.of(RecordKind.DMARC), d.failingRecords());
        assertFalse(d.hasUnansweredRecords());
    }

    @Test
    void aVerdictOnAnotherNameIsNotKept() {
        // The return-path label is a setting: a verdict on the old name says nothing about the new one.
        SendingDomain d = domain("shop.example", false);
        d.recordCheck(results(Outcome.PASS), NOW);
        List<DomainRecordStatus> renamed = new java.util.ArrayList<>(results(Outcome.PASS));
        renamed.set(
                3,
                new DomainRecordStatus(RecordKind.RETURN_PATH, "bounces.shop.example", Outcome.DNS_ERROR, "timeout"));
        d.recordCheck(renamed, NOW.plusSeconds(60));
        assertFalse(d.isAuthenticated());
        assertEquals(Outcome.DNS_ERROR, d.getRecords().get(3).getOutcome());
    }

    private static List<DomainRecordStatus> results(Outcome dmarcOutcome) {
        return List.of(
                new DomainRecordStatus(RecordKind.SPF, "shop.example", Outcome.PASS, "ok"),
                new DomainRecordStatus(RecordKind.DKIM, "s._domainkey.shop.example", Outcome.PASS, "ok"),
                new DomainRecordStatus(
                        RecordKind.DMARC,
                        "_dmarc.shop.example",
                        dmarcOutcome,
                        dmarcOutcome == Outcome.PASS ? "ok" : "why"),
                new DomainRecordStatus(RecordKind.RETURN_PATH, "pm-bounces.shop.example", Outcome.PASS, "ok"));
    }

    private static SendingDomain domain(String name, boolean skip) {
        return new SendingDomain(1, name, "pst202611-k3x9", "key", skip, NOW);
    }
}
