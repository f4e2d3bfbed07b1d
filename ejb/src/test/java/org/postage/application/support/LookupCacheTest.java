package org.postage.application.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LookupCache<String, Boolean> confirmed = LookupCache.expiringAfter(TTL, nanos::get);
    /** What the database says, and how often it was asked. */
    private final Map<String, Boolean> database = new HashMap<>();

    private int reads;

    private boolean isConfirmed(String key) {
        return confirmed.get(
                key,
                k -> {
                    reads++;
                    return database.getOrDefault(k, false);
                },
                Boolean::booleanValue);
    }

    @Test
    void aConfirmationCountsUntilItExpiresOrIsForgotten() {
        assertFalse(confirmed.find("7 orders@shop.example").isPresent());
        database.put("7 orders@shop.example", true);
        assertTrue(isConfirmed("7 orders@shop.example"));
        database.put("7 orders@shop.example", false); // changed on another node: not seen within the time to live
        assertTrue(isConfirmed("7 orders@shop.example"));
        assertEquals(1, reads);
        assertFalse(confirmed.find("8 orders@shop.example").isPresent(), "keys are per account");
        confirmed.invalidate("7 orders@shop.example");
        assertFalse(confirmed.find("7 orders@shop.example").isPresent());
        assertFalse(isConfirmed("7 orders@shop.example"));
    }

    @Test
    void anExpiredConfirmationDoesNotCount() {
        database.put("7 shop.example", true);
        assertTrue(isConfirmed("7 shop.example"));
        nanos.addAndGet(TTL.toNanos() - 1);
        assertTrue(confirmed.find("7 shop.example").isPresent());
        nanos.incrementAndGet();
        assertFalse(confirmed.find("7 shop.example").isPresent());
        assertTrue(isConfirmed("7 shop.example"));
        assertEquals(2, reads, "read again once expired");
    }

    @Test
    void aRefusalIsNotKeptSoThatAConfirmationCountsAtOnce() {
        assertFalse(isConfirmed("7 orders@shop.example"));
        assertFalse(isConfirmed("7 orders@shop.example"));
        database.put("7 orders@shop.example", true);
        assertTrue(isConfirmed("7 orders@shop.example"));
        assertEquals(3, reads);
    }

    @Test
    void everyLoadedValueIsKeptUnlessToldOtherwise() {
        LookupCache<String, Optional<String>> domains = LookupCache.expiringAfter(TTL, nanos::get);
        assertEquals(Optional.empty(), domains.get("unknown.example", k -> Optional.empty()));
        assertEquals(Optional.of(Optional.empty()), domains.find("unknown.example"), "a miss is kept too");
    }

    @Test
    void aLoadThatRanWhileTheKeyWasInvalidatedStoresNothing() {
        database.put("7 shop.example", true);
        // The change commits (and invalidates) while the load is reading what was there before it.
        Boolean read = confirmed.get("7 shop.example", k -> {
            boolean before = database.get(k);
            database.put(k, false);
            confirmed.invalidate(k);
            return before;
        });
        assertTrue(read, "the caller gets what it read");
        assertFalse(confirmed.find("7 shop.example").isPresent(), "but the change is not hidden");
        assertFalse(isConfirmed("7 shop.example"));
    }

    @Test
    void anInvalidationFromAnotherThreadDuringALoadKeepsItFromBeingStored() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        ExecutorService delivery = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> load = delivery.submit(() -> confirmed.get("7 shop.example", k -> {
                reading.countDown();
                await(committed);
                return true; // what the database said before the change
            }));
            assertTrue(reading.await(10, TimeUnit.SECONDS));
            confirmed.invalidate("7 shop.example");
            committed.countDown();
            assertTrue(load.get(10, TimeUnit.SECONDS));
        } finally {
            delivery.shutdownNow();
        }
        assertFalse(confirmed.find("7 shop.example").isPresent());
    }

    @Test
    void aLoadAfterAnInvalidationIsStoredAgain() {
        confirmed.invalidate("7 shop.example");
        confirmed.get("7 shop.example", k -> true);
        assertEquals(Optional.of(true), confirmed.find("7 shop.example"));
    }

    @Test
    void itHoldsAtMostItsBound() {
        for (int i = 0; i < LookupCache.MAX_ENTRIES + 1_000; i++) {
            confirmed.get(i + " shop.example", k -> true);
        }
        assertTrue(confirmed.size() <= LookupCache.MAX_ENTRIES, confirmed.size() + " entries");
    }

    @Test
    void aValueWithoutExpiryStaysUntilInvalidated() {
        LookupCache<String, String> digests = LookupCache.withoutExpiry();
        digests.put("smtp-abc", "digest");
        assertEquals(Optional.of("digest"), digests.find("smtp-abc"));
        digests.invalidate("smtp-abc");
        assertEquals(Optional.empty(), digests.find("smtp-abc"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
