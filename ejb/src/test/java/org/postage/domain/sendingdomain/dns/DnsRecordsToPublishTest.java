package org.postage.domain.sendingdomain.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DnsRecordsToPublishTest {

    private static final String KEY = "A".repeat(392);
    private final DnsRequirements requirements =
            new DnsRequirements("include:spf.postage.test", "pm-bounces", "bounces.postage.test");
    private final DnsIdentity domain = new DnsIdentity("Shop.Example", "pst202611-k3x9", KEY);

    @Test
    void theFourRecordsInOrderWithNamesTypesAndValues() {
        List<DnsRecord> records = new DnsRecordsToPublish(requirements).forDomain(domain);
        assertEquals(
                List.of(
                        new DnsRecord(RecordKind.SPF, "shop.example", "TXT", "v=spf1 include:spf.postage.test ~all"),
                        new DnsRecord(
                                RecordKind.DKIM,
                                "pst202611-k3x9._domainkey.shop.example",
                                "TXT",
                                "v=DKIM1; k=rsa; p=" + KEY),
                        new DnsRecord(RecordKind.DMARC, "_dmarc.shop.example", "TXT", "v=DMARC1; p=none"),
                        new DnsRecord(
                                RecordKind.RETURN_PATH, "pm-bounces.shop.example", "CNAME", "bounces.postage.test")),
                records);
    }

    @Test
    void aLongTxtValueIsSplitIntoStringsOf255BytesInTheZoneFileLine() {
        DnsRecord dkim = new DnsRecordsToPublish(requirements).forDomain(domain).get(1);
        String line = dkim.zoneFileLine();
        assertTrue(line.startsWith("pst202611-k3x9._domainkey.shop.example. IN TXT \"v=DKIM1; k=rsa; p="), line);
        String[] strings =
                line.substring(line.indexOf('"') + 1, line.length() - 1).split("\" \"");
        assertEquals(2, strings.length);
        assertEquals(255, strings[0].length());
        assertEquals(dkim.value(), String.join("", strings));
    }

    @Test
    void aCnameLineEndsInTheRootDot() {
        DnsRecord returnPath =
                new DnsRecordsToPublish(requirements).forDomain(domain).get(3);
        assertEquals("pm-bounces.shop.example. IN CNAME bounces.postage.test.", returnPath.zoneFileLine());
    }

    @Test
    void quotesInATxtValueAreEscaped() {
        assertEquals("x. IN TXT \"a\\\"b\\\\c\"", new DnsRecord(RecordKind.SPF, "x", "TXT", "a\"b\\c").zoneFileLine());
    }

    @Test
    void settingsAndDomainsThatAreNotDnsNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DnsRequirements("v=spf1 -all", "pm", "b.test"));
        assertThrows(IllegalArgumentException.class, () -> new DnsRequirements("include:x.test", "a.b", "b.test"));
        assertThrows(IllegalArgumentException.class, () -> new DnsRequirements("include:x.test", "pm", "b_test"));
        assertThrows(IllegalArgumentException.class, () -> new DnsIdentity("localhost", "s1", KEY));
        assertThrows(IllegalArgumentException.class, () -> new DnsIdentity("shop.example", "s1;", KEY));
        assertThrows(IllegalArgumentException.class, () -> new DnsIdentity("shop.example", "s1", "p=x"));
    }
}
