package org.postage.application.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link VerifiedSenders} remembers, against senders kept in memory instead of the database. */
class VerifiedSendersTest {

    private final Records records = new Records();
    private final VerifiedSenders senders = new VerifiedSenders();

    VerifiedSendersTest() {
        senders.records = records;
    }

    @Test
    void aVerifiedSenderIsReadOncePerAccountWithinTheTimeToLive() {
        records.verified.add("7 orders@shop.example");
        assertTrue(senders.isVerified(7, "orders@shop.example"));
        assertTrue(senders.isVerified(7, "orders@shop.example"));
        assertFalse(senders.isVerified(8, "orders@shop.example"), "keys are per account");
        assertEquals(2, records.reads);
    }

    @Test
    void anUnverifiedSenderIsReadEveryTimeSoThatAVerificationCountsAtOnce() {
        assertFalse(senders.isVerified(7, "orders@shop.example"));
        records.verified.add("7 orders@shop.example");
        assertTrue(senders.isVerified(7, "orders@shop.example"));
        assertEquals(2, records.reads);
    }

    @Test
    void aRemovalOnThisNodeCountsAtOnce() {
        records.verified.add("7 orders@shop.example");
        assertTrue(senders.isVerified(7, "orders@shop.example"));
        records.verified.remove("7 orders@shop.example");
        senders.forget(7, "orders@shop.example");
        assertFalse(senders.isVerified(7, "orders@shop.example"));
    }

    private static final class Records extends SenderRecords {

        final Set<String> verified = new HashSet<>();
        int reads;

        @Override
        public boolean isVerified(long accountId, String address) {
            reads++;
            return verified.contains(accountId + " " + address);
        }
    }
}
