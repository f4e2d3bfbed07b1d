package org.postage.application.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentlyConfirmedTest {

    @Test
    void aConfirmationCountsUntilItExpiresOrIsForgotten() {
        RecentlyConfirmed confirmed = new RecentlyConfirmed(60_000_000_000L);
        assertFalse(confirmed.contains("7 orders@shop.example"));
        confirmed.confirm("7 orders@shop.example");
        assertTrue(confirmed.contains("7 orders@shop.example"));
        assertFalse(confirmed.contains("8 orders@shop.example"), "keys are per account");
        confirmed.forget("7 orders@shop.example");
        assertFalse(confirmed.contains("7 orders@shop.example"));
    }

    @Test
    void anExpiredConfirmationDoesNotCount() {
        RecentlyConfirmed confirmed = new RecentlyConfirmed(0);
        confirmed.confirm("7 shop.example");
        assertFalse(confirmed.contains("7 shop.example"));
    }
}
