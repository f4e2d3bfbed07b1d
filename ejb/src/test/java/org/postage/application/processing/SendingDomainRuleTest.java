package org.postage.application.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postage.application.sendingdomain.SendingDomainRecords;
import org.postage.domain.mail.EmailAddress;
import org.postage.domain.sendingdomain.SendingDomain;

/** What {@link SendingDomainRule} remembers, against domains kept in memory instead of the database. */
class SendingDomainRuleTest {

    private final Records records = new Records();
    private final SendingDomainRule rule = new SendingDomainRule();

    SendingDomainRuleTest() {
        rule.domains = records;
    }

    @Test
    void anAuthenticatedDomainIsReadOncePerAccountWithinTheTimeToLive() {
        records.add(7, "shop.example", true);
        assertTrue(rule.check(7, EmailAddress.of("orders@shop.example")).isEmpty());
        assertTrue(rule.check(7, EmailAddress.of("billing@Shop.Example")).isEmpty());
        assertEquals(
                SendingDomainRule.RULE,
                rule.check(8, EmailAddress.of("orders@shop.example"))
                        .orElseThrow()
                        .rule(),
                "another account's domain");
        assertEquals(2, records.reads);
    }

    @Test
    void aDomainThatIsNotAuthenticatedIsReadEveryTimeSoThatAPassingCheckCountsAtOnce() {
        records.add(7, "shop.example", false);
        assertEquals(
                SendingDomainRule.RULE,
                rule.check(7, EmailAddress.of("orders@shop.example"))
                        .orElseThrow()
                        .rule());
        records.add(7, "shop.example", true);
        assertTrue(rule.check(7, EmailAddress.of("orders@shop.example")).isEmpty());
        assertEquals(2, records.reads);
    }

    private static final class Records extends SendingDomainRecords {

        final Map<String, SendingDomain> domains = new HashMap<>();
        int reads;

        void add(long accountId, String name, boolean skipDnsCheck) {
            domains.put(name, new SendingDomain(accountId, name, "s1", "key", skipDnsCheck, Instant.EPOCH));
        }

        @Override
        public Optional<SendingDomain> find(String name) {
            reads++;
            return Optional.ofNullable(domains.get(name));
        }
    }
}
