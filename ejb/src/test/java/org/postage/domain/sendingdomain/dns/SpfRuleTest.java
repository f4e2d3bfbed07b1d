package org.postage.domain.sendingdomain.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postage.domain.sendingdomain.dns.RecordCheck.Outcome;

class SpfRuleTest {

    private final SpfRule rule =
            new SpfRule(new DnsRequirements("include:spf.postage.test", "pm-bounces", "bounces.postage.test"));

    @Test
    void theMechanismAnywhereBeforeAllPassesWhateverTheCase() {
        assertEquals(
                Outcome.PASS, check("v=spf1 mx include:spf.postage.test -all").outcome());
        assertEquals(
                Outcome.PASS, check("V=SPF1 +INCLUDE:SPF.POSTAGE.TEST ~ALL").outcome());
        assertEquals(Outcome.PASS, check("v=spf1   include:spf.postage.test").outcome());
    }

    @Test
    void aQualifierOtherThanPassFails() {
        RecordCheck c = check("v=spf1 ~include:spf.postage.test -all");
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().contains("has ~include:spf.postage.test"), c.reason());
    }

    @Test
    void theMechanismAfterAllIsNeverEvaluatedAndFails() {
        RecordCheck c = check("v=spf1 -all include:spf.postage.test");
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().contains("after \"all\""), c.reason());
    }

    @Test
    void twoSpfRecordsFailEvenIfOneIsRight() {
        RecordCheck c = rule.check(
                "shop.example", new DnsAnswer.Found(List.of("v=spf1 include:spf.postage.test -all", "v=spf1 mx -all")));
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().startsWith("2 SPF records"), c.reason());
    }

    @Test
    void onlyTxtRecordsStartingWithVersionOneCount() {
        RecordCheck c = check("v=spf10 include:spf.postage.test");
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().contains("starts with v=spf1"), c.reason());
    }

    @Test
    void anIp4MechanismIsComparedAsWritten() {
        SpfRule ip = new SpfRule(new DnsRequirements("ip4:203.0.113.7", "pm-bounces", "bounces.postage.test"));
        assertEquals(
                Outcome.PASS,
                ip.check("shop.example", new DnsAnswer.Found(List.of("v=spf1 ip4:203.0.113.7 -all")))
                        .outcome());
        assertEquals(
                Outcome.FAIL,
                ip.check("shop.example", new DnsAnswer.Found(List.of("v=spf1 ip4:203.0.113.0/24 -all")))
                        .outcome());
    }

    private RecordCheck check(String record) {
        return rule.check("shop.example", new DnsAnswer.Found(List.of(record)));
    }
}
