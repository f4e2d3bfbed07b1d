package org.postage.application.admin;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A budget of failed admin logins per client address: a burst of {@code failuresPerMinute}, then one more every
 * minute / {@code failuresPerMinute}. An attempt takes one unit of its address's budget <em>before</em> the password
 * is checked, and a correct password gives it back; so parallel guesses cannot overtake the count, and an address
 * that has spent its budget is refused without the slow hash ever running for it.
 *
 * <p>Kept as the time at which the address's budget is whole again (the generic cell rate algorithm): one number per
 * address, forgotten once it has passed. IPv6 clients are counted per /64, since one host usually owns one. The
 * table is bounded: beyond {@code maxAddresses}, the address seen least recently is forgotten. The SMTP listener's
 * AuthFailureThrottle does the same for AUTH, with delays in place of refusals: an HTTP client is told when to retry.
 */
public final class AdminLoginThrottle {

    /** What an operator's script and a person typing need, with room; the table holds about 100 bytes per entry. */
    public static final int DEFAULT_FAILURES_PER_MINUTE = 10;

    public static final int DEFAULT_MAX_ADDRESSES = 10_000;

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final long intervalNanos;
    private final long burstNanos;
    private final LongSupplier nanoClock;
    /** Per address key: when its budget is whole again, in {@link #nanoClock} time. Access order, for the bound. */
    private final Map<String, Long> fullAt;

    /**
     * @param failuresPerMinute failed logins an address may have in a burst, and per minute after it
     * @param maxAddresses      bound of the table
     * @param nanoClock         {@link System#nanoTime}, or a test's
     */
    public AdminLoginThrottle(int failuresPerMinute, int maxAddresses, LongSupplier nanoClock) {
        if (failuresPerMinute < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException(
                    "failures per minute and addresses must be 1 or more: " + failuresPerMinute + ", " + maxAddresses);
        }
        this.intervalNanos = MINUTE_NANOS / failuresPerMinute;
        this.burstNanos = intervalNanos * failuresPerMinute;
        this.nanoClock = nanoClock;
        this.fullAt = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    public static AdminLoginThrottle of(int failuresPerMinute) {
        return new AdminLoginThrottle(failuresPerMinute, DEFAULT_MAX_ADDRESSES, System::nanoTime);
    }

    /**
     * Takes one unit of the address's budget for an attempt about to be checked.
     *
     * @return empty when the attempt may go ahead; else how long until the address may try again
     */
    public Optional<Duration> acquire(String clientAddress) {
        String key = keyOf(clientAddress);
        long now = nanoClock.getAsLong();
        synchronized (fullAt) {
            long whole = current(key, now);
            long after = whole + intervalNanos;
            if (after - now > burstNanos) {
                return Optional.of(Duration.ofNanos(after - now - burstNanos));
            }
            fullAt.put(key, after);
            return Optional.empty();
        }
    }

    /** The attempt's password was right: it gives its unit back. */
    public void succeeded(String clientAddress) {
        String key = keyOf(clientAddress);
        long now = nanoClock.getAsLong();
        synchronized (fullAt) {
            long whole = current(key, now) - intervalNanos;
            if (whole - now <= 0) {
                fullAt.remove(key); // nothing owed: nothing to remember
            } else {
                fullAt.put(key, whole);
            }
        }
    }

    /** How many addresses are remembered. Visible for tests. */
    int size() {
        synchronized (fullAt) {
            return fullAt.size();
        }
    }

    /** When the address's budget is whole again, never before now; forgets it when that has passed. */
    private long current(String key, long now) {
        Long whole = fullAt.get(key);
        if (whole == null || whole - now <= 0) {
            fullAt.remove(key);
            return now;
        }
        return whole;
    }

    /** The address a budget belongs to: an IPv4 address as it is, an IPv6 one by its /64. */
    static String keyOf(String clientAddress) {
        if (clientAddress == null || clientAddress.indexOf(':') < 0) {
            return String.valueOf(clientAddress);
        }
        try {
            // A literal with a colon is an IPv6 address: parsed, never looked up.
            InetAddress address = InetAddress.getByName(clientAddress);
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return clientAddress;
        }
    }
}
