package org.postage.smtp.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Slows password guessing per client address, across all of its connections.
 *
 * <ul>
 * <li>Each failed AUTH is answered only after a delay that doubles with the address's recent failures
 *     (250 ms, 500 ms, ... up to 8 s), forgotten after a quiet period.</li>
 * <li>Failure replies to one address are spaced so that at most 30 are answered in any 10 s, however many
 *     connections it opens in parallel.</li>
 * <li>Once an address has failed, its next attempts also wait for a free slot <em>before</em> the credentials are
 *     checked: a client that hangs up instead of waiting for the slow "535" learns nothing faster.</li>
 * </ul>
 * Addresses without recent failures never wait. IPv6 clients are counted per /64, since one host usually owns one.
 * The table is bounded: beyond {@code maxAddresses}, the least recently seen address is forgotten.
 */
public final class AuthFailureThrottle {

    /** Sleeps for a number of nanoseconds; injected so tests need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /**
     * @param firstDelay          delay after the first recent failure
     * @param maxDelay            cap of the doubling delay
     * @param maxFailuresInWindow failure replies answered per address per window
     * @param window              the window for {@code maxFailuresInWindow}
     * @param forgetAfter         quiet time after which an address's failures are forgotten
     * @param maxAddresses        bound of the table
     */
    public record Policy(
            Duration firstDelay,
            Duration maxDelay,
            int maxFailuresInWindow,
            Duration window,
            Duration forgetAfter,
            int maxAddresses) {

        public static final Policy STANDARD = new Policy(
                Duration.ofMillis(250),
                Duration.ofSeconds(8),
                30,
                Duration.ofSeconds(10),
                Duration.ofMinutes(10),
                10_000);

        /** The gap between two failure replies: one nanosecond more than window / max, so max fit in a window. */
        long spacingNanos() {
            return window.toNanos() / maxFailuresInWindow + 1;
        }
    }

    private static final class Entry {
        int failures;
        long lastFailure;
        /** When the last failure reply to this address was (or will be) sent. */
        long lastReply;
        /** When the last attempt from this address was (or will be) let through. */
        long lastAttempt;
        /** No attempt before the pending failure reply is due: hanging up early must not buy a faster guess. */
        long blockedUntil;

        Entry(long now, long spacing) {
            lastReply = now - spacing;
            lastAttempt = now - spacing;
            blockedUntil = now;
        }
    }

    private final Policy policy;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final Map<String, Entry> entries;

    public AuthFailureThrottle(Policy policy, LongSupplier nanoClock, Sleeper sleeper) {
        this.policy = policy;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > policy.maxAddresses();
            }
        };
    }

    public static AuthFailureThrottle standard() {
        return new AuthFailureThrottle(Policy.STANDARD, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    /** Before checking credentials: waits for a slot if the address has failed recently, else returns at once. */
    public void awaitTurn(InetAddress client) throws InterruptedException {
        sleepUntil(reserveAttempt(keyOf(client), nanoClock.getAsLong()));
    }

    /** After a failed check, before the failure reply: waits out the delay for this address. */
    public void delayFailure(InetAddress client) throws InterruptedException {
        sleepUntil(reserveFailureReply(keyOf(client), nanoClock.getAsLong()));
    }

    /** Reserves an attempt at {@code now} or later; returns when it may run. Visible for tests. */
    long reserveAttempt(String key, long now) {
        synchronized (entries) {
            Entry entry = recentEntry(key, now);
            if (entry == null) {
                return now;
            }
            long slot = Math.max(now, Math.max(entry.blockedUntil, entry.lastAttempt + policy.spacingNanos()));
            entry.lastAttempt = slot;
            return slot;
        }
    }

    /** Records a failure at {@code now}; returns when its reply may be sent. Visible for tests. */
    long reserveFailureReply(String key, long now) {
        synchronized (entries) {
            Entry entry = recentEntry(key, now);
            if (entry == null) {
                entry = new Entry(now, policy.spacingNanos());
                entries.put(key, entry);
            }
            entry.failures++;
            entry.lastFailure = now;
            long replyAt = Math.max(now + delayNanos(entry.failures), entry.lastReply + policy.spacingNanos());
            entry.lastReply = replyAt;
            entry.blockedUntil = Math.max(entry.blockedUntil, replyAt);
            return replyAt;
        }
    }

    /** How many addresses are remembered. Visible for tests. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private Entry recentEntry(String key, long now) {
        Entry entry = entries.get(key);
        if (entry != null && now - entry.lastFailure > policy.forgetAfter().toNanos() && now >= entry.blockedUntil) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    private long delayNanos(int failures) {
        long delay = policy.firstDelay().toNanos();
        long max = policy.maxDelay().toNanos();
        for (int i = 1; i < failures && delay < max; i++) {
            delay *= 2;
        }
        return Math.min(delay, max);
    }

    private void sleepUntil(long deadline) throws InterruptedException {
        long wait = deadline - nanoClock.getAsLong();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }

    static String keyOf(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        }
        return address.getHostAddress();
    }
}
