package org.postage.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(Duration.ofMinutes(1), 2.0, Duration.ofMinutes(30), Duration.ofDays(5));

    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        assertEquals(Duration.ofMinutes(1), policy.delayAfter(1));
        assertEquals(Duration.ofMinutes(2), policy.delayAfter(2));
        assertEquals(Duration.ofMinutes(16), policy.delayAfter(5));
        assertEquals(Duration.ofMinutes(30), policy.delayAfter(6));
        assertEquals(Duration.ofMinutes(30), policy.delayAfter(500));
    }

    @Test
    void retriesStopAtTheMaximumAge() {
        Instant accepted = Instant.parse("2026-01-01T00:00:00Z");
        assertTrue(policy.allowsRetryAt(accepted, accepted.plus(Duration.ofDays(5))));
        assertFalse(
                policy.allowsRetryAt(accepted, accepted.plus(Duration.ofDays(5)).plusSeconds(1)));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ZERO, 2, Duration.ofMinutes(1), Duration.ofDays(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofMinutes(1), 0.5, Duration.ofMinutes(1), Duration.ofDays(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofMinutes(2), 2, Duration.ofMinutes(1), Duration.ofDays(1)));
    }
}
