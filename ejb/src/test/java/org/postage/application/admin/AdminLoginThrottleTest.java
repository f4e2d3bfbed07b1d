package org.postage.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The budget of failed admin logins per client address, on a clock the test moves. */
class AdminLoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AdminLoginThrottle throttle = new AdminLoginThrottle(10, 100, now::get);

    @Test
    void anAddressHasABurstOfTenFailuresThenOneEverySixSeconds() {
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), throttle.acquire("192.0.2.7"), "attempt " + (i + 1));
        }
        assertEquals(Optional.of(Duration.ofSeconds(6)), throttle.acquire("192.0.2.7"));
        advance(Duration.ofSeconds(2));
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.acquire("192.0.2.7"), "a refusal costs nothing");
        advance(Duration.ofSeconds(4));
        assertEquals(Optional.empty(), throttle.acquire("192.0.2.7"));
        assertTrue(throttle.acquire("192.0.2.7").isPresent());
    }

    @Test
    void otherAddressesAreNotHeldUp() {
        for (int i = 0; i < 10; i++) {
            throttle.acquire("192.0.2.7");
        }
        assertTrue(throttle.acquire("192.0.2.7").isPresent());
        assertEquals(Optional.empty(), throttle.acquire("192.0.2.8"));
    }

    @Test
    void aRightPasswordGivesItsUnitBack() {
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.empty(), throttle.acquire("192.0.2.7"), "attempt " + (i + 1));
            throttle.succeeded("192.0.2.7");
        }
        assertEquals(0, throttle.size(), "an address that owes nothing is not remembered");
    }

    @Test
    void aQuietAddressIsForgottenOnceItsBudgetIsWholeAgain() {
        for (int i = 0; i < 11; i++) {
            throttle.acquire("192.0.2.7");
        }
        advance(Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), throttle.acquire("192.0.2.7"), "a whole burst again");
        }
        advance(Duration.ofMinutes(1));
        throttle.succeeded("192.0.2.7");
        assertEquals(0, throttle.size(), "forgotten when next looked at");
    }

    @Test
    void theTableIsBounded() {
        for (int i = 0; i < 1000; i++) {
            throttle.acquire("10.0." + (i / 256) + "." + (i % 256));
        }
        assertEquals(100, throttle.size());
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        for (int i = 0; i < 10; i++) {
            throttle.acquire("2001:db8:1:2:0:0:0:" + Integer.toHexString(i + 1));
        }
        assertTrue(throttle.acquire("2001:db8:1:2:ffff:0:0:1").isPresent(), "same /64");
        assertEquals(Optional.empty(), throttle.acquire("2001:db8:1:3:0:0:0:1"), "another /64");
        assertEquals("2001:db8:1:2::/64", AdminLoginThrottle.keyOf("2001:db8:1:2::7"));
        assertEquals("192.0.2.7", AdminLoginThrottle.keyOf("192.0.2.7"));
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }
}
