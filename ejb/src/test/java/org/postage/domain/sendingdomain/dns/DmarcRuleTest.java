package org.postage.domain.sendingdomain.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postage.domain.sendingdomain.dns.RecordCheck.Outcome;

class DmarcRuleTest {

    private final DmarcRule rule = new DmarcRule();

    @Test
    void eachOfTheThreePoliciesPasses() {
        assertEquals(Outcome.PASS, check("v=DMARC1; p=none").outcome());
        assertEquals(Outcome.PASS, check("v=DMARC1; p=Quarantine; pct=50").outcome());
        RecordCheck reject = check("v=DMARC1;p=reject;rua=mailto:dmarc@shop.example");
        assertEquals(Outcome.PASS, reject.outcome());
        assertEquals("DMARC record with p=reject.", reject.reason());
    }

    @Test
    void aRecordWithoutPolicyFails() {
        RecordCheck c = check("v=DMARC1; rua=mailto:dmarc@shop.example");
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().contains("no p= policy"), c.reason());
    }

    @Test
    void recordsNotStartingWithTheVersionAreIgnored() {
        RecordCheck c = check("p=reject; v=DMARC1");
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().contains("starts with v=DMARC1"), c.reason());
        assertEquals(
                Outcome.PASS,
                rule.check("_dmarc.shop.example", new DnsAnswer.Found(List.of("some other text", "v=DMARC1; p=none")))
                        .outcome());
    }

    @Test
    void twoDmarcRecordsFail() {
        RecordCheck c = rule.check(
                "_dmarc.shop.example", new DnsAnswer.Found(List.of("v=DMARC1; p=none", "v=DMARC1; p=reject")));
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().startsWith("2 DMARC records"), c.reason());
    }

    private RecordCheck check(String record) {
        return rule.check("_dmarc.shop.example", new DnsAnswer.Found(List.of(record)));
    }
}
