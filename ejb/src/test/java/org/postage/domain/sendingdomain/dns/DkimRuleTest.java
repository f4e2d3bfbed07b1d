package org.postage.domain.sendingdomain.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postage.domain.sendingdomain.dns.RecordCheck.Outcome;

class DkimRuleTest {

    private static final String NAME = "s1._domainkey.shop.example";
    private static final String KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr+/abc";
    private final DkimRule rule = new DkimRule();

    @Test
    void theExpectedKeyPassesWithOrWithoutOptionalTagsAndWhitespace() {
        assertEquals(Outcome.PASS, check("v=DKIM1; k=rsa; p=" + KEY).outcome());
        assertEquals(Outcome.PASS, check("p=" + KEY).outcome());
        assertEquals(
                Outcome.PASS,
                check("v=DKIM1;k=rsa;t=s;p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A MIIBCgKCAQEAr+/abc;")
                        .outcome());
    }

    @Test
    void aRevokedKeyFails() {
        RecordCheck c = check("v=DKIM1; k=rsa; p=");
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().contains("revoked"), c.reason());
    }

    @Test
    void aWrongVersionOrOneThatIsNotFirstFails() {
        assertEquals(Outcome.FAIL, check("v=DKIM2; p=" + KEY).outcome());
        assertEquals(Outcome.FAIL, check("k=rsa; v=DKIM1; p=" + KEY).outcome());
    }

    @Test
    void anotherKeyTypeFails() {
        RecordCheck c = check("v=DKIM1; k=ed25519; p=" + KEY);
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().contains("k=ed25519"), c.reason());
    }

    @Test
    void twoRecordsFailBecauseVerifiersPickEither() {
        RecordCheck c = rule.check(NAME, new DnsAnswer.Found(List.of("p=" + KEY, "p=" + KEY)), KEY);
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().startsWith("2 TXT records"), c.reason());
    }

    @Test
    void textThatIsNoTagListFails() {
        RecordCheck c = check("hello world");
        assertEquals(Outcome.FAIL, c.outcome());
        assertTrue(c.reason().contains("not a DKIM key record"), c.reason());
    }

    private RecordCheck check(String record) {
        return rule.check(NAME, new DnsAnswer.Found(List.of(record)), KEY);
    }
}
