package org.postage.application.support;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys the database confirmed a moment ago ("this sender is verified", "this domain is authenticated"), so that
 * the checks every message makes do not each need a transaction. Only confirmations are kept: a key that becomes
 * true counts at once, one that stops being true stops counting within the time to live (at once on this node
 * when {@link #forget} is called).
 */
public final class RecentlyConfirmed {

    private static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final ConcurrentHashMap<String, Long> confirmedUntil = new ConcurrentHashMap<>();

    public RecentlyConfirmed(long ttlNanos) {
        this.ttlNanos = ttlNanos;
    }

    public boolean contains(String key) {
        Long until = confirmedUntil.get(key);
        return until != null && System.nanoTime() - until < 0;
    }

    public void confirm(String key) {
        if (confirmedUntil.size() >= MAX_ENTRIES) {
            confirmedUntil.clear(); // crude, but bounded: the next checks simply ask the database again
        }
        confirmedUntil.put(key, System.nanoTime() + ttlNanos);
    }

    public void forget(String key) {
        confirmedUntil.remove(key);
    }
}
