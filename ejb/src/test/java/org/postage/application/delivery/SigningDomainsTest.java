package org.postage.application.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postage.application.sendingdomain.SendingDomainChanged;
import org.postage.application.sendingdomain.SendingDomainRecords;
import org.postage.domain.sendingdomain.DkimKeyPair;
import org.postage.domain.sendingdomain.SendingDomain;

/** When the signing key of a domain is read again: against domains kept in memory instead of the database. */
class SigningDomainsTest {

    private static final String KEY = DkimKeyPair.generate().privateKeyPkcs8Base64();

    private final Records records = new Records();
    private final SigningDomains signing = new SigningDomains();

    SigningDomainsTest() {
        signing.records = records;
    }

    @Test
    void aDomainAndAMissAreEachReadOnceWithinTheTimeToLive() {
        records.add("shop.example", "s1");
        assertEquals("s1", signing.find("shop.example").orElseThrow().selector());
        assertEquals("s1", signing.find("shop.example").orElseThrow().selector());
        assertTrue(signing.find("other.example").isEmpty());
        assertTrue(signing.find("other.example").isEmpty());
        assertEquals(2, records.reads);
    }

    @Test
    void aChangeOnThisNodeIsSeenByTheNextCopy() {
        assertTrue(signing.find("shop.example").isEmpty());
        records.add("shop.example", "s1");
        signing.changed(new SendingDomainChanged("shop.example"));
        assertEquals("s1", signing.find("shop.example").orElseThrow().selector());
    }

    @Test
    void aChangeThatCompletesWhileALookupReadsIsNotHiddenByIt() {
        records.add("shop.example", "s1");
        records.duringNextRead = () -> {
            records.add("shop.example", "s2");
            signing.changed(new SendingDomainChanged("shop.example"));
        };
        assertEquals("s1", signing.find("shop.example").orElseThrow().selector(), "read before the change");
        assertEquals("s2", signing.find("shop.example").orElseThrow().selector());
        assertEquals(2, records.reads);
    }

    private static final class Records extends SendingDomainRecords {

        final Map<String, SendingDomain> domains = new HashMap<>();
        Runnable duringNextRead = () -> {};
        int reads;

        void add(String name, String selector) {
            domains.put(name, new SendingDomain(1, name, selector, KEY, true, Instant.EPOCH));
        }

        @Override
        public Optional<SendingDomain> find(String name) {
            reads++;
            Optional<SendingDomain> found = Optional.ofNullable(domains.get(name));
            Runnable during = duringNextRead;
            duringNextRead = () -> {};
            during.run();
            return found;
        }
    }
}
