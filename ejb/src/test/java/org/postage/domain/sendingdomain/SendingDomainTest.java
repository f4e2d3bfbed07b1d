package org.postage.domain.sendingdomain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static List<DomainRecordStatus> results(Outcome dmarcOutcome) {
        return List.of(
                new DomainRecordStatus(RecordKind.SPF, "shop.example", Outcome.PASS, "ok"),
                new DomainRecordStatus(RecordKind.DKIM, "s._domainkey.shop.example", Outcome.PASS, "ok"),
                new DomainRecordStatus(RecordKind.DMARC, "_dmarc.shop.example", dmarcOutcome, "why"),
                new DomainRecordStatus(RecordKind.RETURN_PATH, "pm-bounces.shop.example", Outcome.PASS, "ok"));
    }

    private static SendingDomain domain(String name, boolean skip) {
        return new SendingDomain(1, name, "pst202611-k3x9", "key", skip, NOW);
    }
}
