package org.postage.domain.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.postage.domain.account.Account;

class RateLimitsTest {

    private final RateLimits defaults = new RateLimits(10, 100);

    @Test
    void anAccountWithoutItsOwnLimitsHasTheOperatorsDefaults() {
        assertEquals(defaults, new Account("a", Instant.EPOCH).rateLimits(defaults));
    }

    @Test
    void anAccountsOwnLimitsWinAndZeroMeansNoLimit() {
        Account bench = new Account("bench", Instant.EPOCH);
        bench.setRateLimits(new RateLimits(0, 0));
        assertTrue(bench.rateLimits(defaults).isUnlimited());
        assertFalse(defaults.isUnlimited());
        assertThrows(IllegalArgumentException.class, () -> new RateLimits(-1, 0));
    }

    @Test
    void windowsAreAlignedToTheClock() {
        RecipientRateCounter.Period minute = RecipientRateCounter.Period.MINUTE;
        assertEquals(minute.window(120), minute.window(179));
        assertEquals(minute.window(120) + 1, minute.window(180));
        assertEquals(180, minute.windowEnd(150));
        assertEquals(7200, RecipientRateCounter.Period.HOUR.windowEnd(3600));
    }
}
