package org.postage.smtp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuthFailureThrottleTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A clock that only moves when the throttle sleeps, and a record of every sleep. */
    private long now = 1_000_000 * MS;

    private final List<Long> sleptMillis = new ArrayList<>();
    private final AuthFailureThrottle throttle =
            new AuthFailureThrottle(AuthFailureThrottle.Policy.STANDARD, () -> now, nanos -> {
                sleptMillis.add(nanos / MS);
                now += nanos;
            });

    @Test
    void eachFailureIsDelayedTwiceAsLongAsTheLastUpToEightSeconds() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.10");
        for (int i = 0; i < 8; i++) {
            throttle.awaitTurn(client);
            throttle.delayFailure(client);
        }
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L), sleptMillis);
    }

    @Test
    void anAddressWithoutRecentFailuresDoesNotWait() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.11");
        throttle.awaitTurn(client);
        throttle.awaitTurn(client);
        assertEquals(List.of(), sleptMillis);
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.12");
        throttle.delayFailure(client);
        throttle.delayFailure(client);
        throttle.delayFailure(client);
        now += Duration.ofMinutes(11).toNanos();

        throttle.awaitTurn(client);
        throttle.delayFailure(client);

        assertEquals(List.of(250L, 500L, 1000L, 250L), sleptMillis);
    }

    @Test
    void otherAddressesAreNotSlowedByOnesFailures() throws Exception {
        InetAddress attacker = InetAddress.getByName("192.0.2.13");
        for (int i = 0; i < 6; i++) {
            throttle.delayFailure(attacker);
        }
        sleptMillis.clear();

        InetAddress bystander = InetAddress.getByName("198.51.100.7");
        throttle.awaitTurn(bystander);
        throttle.delayFailure(bystander);

        assertEquals(List.of(250L), sleptMillis);
    }

    @Test
    void parallelFailuresFromOneAddressAreAnsweredAtMostThirtyPerTenSeconds() {
        // 200 connections from one address fail at the same instant: nobody sleeps here, only slots are handed out.
        List<Long> replyTimes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replyTimes.add(throttle.reserveFailureReply("192.0.2.14", now));
        }
        long window = Duration.ofSeconds(10).toNanos();
        for (int first = 0; first < replyTimes.size(); first++) {
            int inWindow = 0;
            for (long time : replyTimes) {
                if (time >= replyTimes.get(first) && time < replyTimes.get(first) + window) {
                    inWindow++;
                }
            }
            assertTrue(inWindow <= 30, inWindow + " failure replies within 10 s");
        }
    }

    @Test
    void afterAFailureTheNextAttemptFromAnyConnectionWaitsUntilThatReplyIsDue() {
        long reply = throttle.reserveFailureReply("192.0.2.15", now);
        long nextAttempt = throttle.reserveAttempt("192.0.2.15", now);
        long attemptAfterThat = throttle.reserveAttempt("192.0.2.15", now);

        assertTrue(nextAttempt >= reply, "a client that hangs up early gains nothing");
        assertTrue(attemptAfterThat - nextAttempt >= Duration.ofSeconds(10).toNanos() / 30);
    }

    @Test
    void theTableForgetsTheLeastRecentlySeenAddressWhenFull() {
        AuthFailureThrottle small = new AuthFailureThrottle(
                new AuthFailureThrottle.Policy(
                        Duration.ofMillis(250),
                        Duration.ofSeconds(8),
                        30,
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(10),
                        3),
                () -> now,
                nanos -> {});
        for (int i = 1; i <= 5; i++) {
            small.reserveFailureReply("192.0.2." + i, now);
        }
        assertEquals(3, small.size());
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() throws Exception {
        String first = AuthFailureThrottle.keyOf(InetAddress.getByName("2001:db8:1:2::1"));
        String sameNetwork = AuthFailureThrottle.keyOf(InetAddress.getByName("2001:db8:1:2:ffff::9"));
        String otherNetwork = AuthFailureThrottle.keyOf(InetAddress.getByName("2001:db8:1:3::1"));

        assertEquals(first, sameNetwork);
        assertTrue(!first.equals(otherNetwork));
    }
}
