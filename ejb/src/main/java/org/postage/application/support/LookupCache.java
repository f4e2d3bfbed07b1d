package org.postage.application.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The one cache for lookups that every message would otherwise pay a transaction (or a slow hash) for
 * (docs/adr/0007-one-cache-for-short-lived-lookups.md). Bounded; each use gives its time to live once, and drops an
 * entry ({@link #invalidate}) after the change that makes it wrong has completed on this node. Other nodes keep
 * their entry until its time to live ends.
 *
 * <p>A change is never hidden by a load that started before it: a load stores what it read only when no
 * invalidation came in the meantime. Without that, a lookup that read the old state just before the change
 * committed, and stored it just after the invalidation, would keep the old state for a whole time to live.
 *
 * <p>Caffeine is used only in this class, so that it could become a port with another implementation (a clustered
 * invalidation cache) without touching its users.
 */
public final class LookupCache<K, V> {

    /** Far more accounts, credentials or domains than one node serves in a time to live. */
    static final int MAX_ENTRIES = 10_000;

    private final Cache<K, V> entries;
    private final Object lock = new Object();
    /** Counts invalidations: a load stores its value only if this did not move while it ran. Guarded by lock. */
    private long invalidations;

    private LookupCache(Caffeine<Object, Object> builder) {
        // Maintenance (eviction, expiry) runs on the calling thread, not on the common pool, which outlives the
        // deployment and is no managed executor of the container.
        entries = builder.maximumSize(MAX_ENTRIES).executor(Runnable::run).build();
    }

    /** Entries count for {@code ttl} after they were stored, then the next lookup loads again. */
    public static <K, V> LookupCache<K, V> expiringAfter(Duration ttl) {
        return new LookupCache<>(Caffeine.newBuilder().expireAfterWrite(ttl));
    }

    /** For values that time does not make wrong, only a change, which {@link #invalidate}s them. */
    public static <K, V> LookupCache<K, V> withoutExpiry() {
        return new LookupCache<>(Caffeine.newBuilder());
    }

    /** For tests: time as {@code nanoTime} tells it. */
    static <K, V> LookupCache<K, V> expiringAfter(Duration ttl, LongSupplier nanoTime) {
        return new LookupCache<>(Caffeine.newBuilder().expireAfterWrite(ttl).ticker(nanoTime::getAsLong));
    }

    /** The value stored for {@code key}, else what {@code loader} (never null) reads, which is then stored. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        return get(key, loader, value -> true);
    }

    /**
     * Like {@link #get(Object, Function)}, but stores only values that {@code keep} accepts: for confirmations
     * that count at once while a refusal is asked again every time.
     */
    public V get(K key, Function<? super K, ? extends V> loader, Predicate<? super V> keep) {
        V stored = entries.getIfPresent(key);
        if (stored != null) {
            return stored;
        }
        long seen;
        synchronized (lock) {
            seen = invalidations;
        }
        // Outside the lock: the loader may run a transaction. Two loads of one key may run at once; both read the
        // same state, and the later store wins.
        V loaded = Objects.requireNonNull(loader.apply(key), "loaded value");
        if (keep.test(loaded)) {
            synchronized (lock) {
                if (invalidations == seen) {
                    entries.put(key, loaded);
                }
            }
        }
        return loaded;
    }

    /** The value stored for {@code key}, without loading it. */
    public Optional<V> find(K key) {
        return Optional.ofNullable(entries.getIfPresent(key));
    }

    /**
     * Stores a value that no change can make wrong while it is being computed (such as the digest of a password
     * that was just checked); a value read from changing state belongs in {@link #get(Object, Function)}.
     */
    public void put(K key, V value) {
        entries.put(key, Objects.requireNonNull(value, "value"));
    }

    /**
     * Drops the entry of {@code key}, and keeps any load that is running now (of any key) from storing what it read.
     * Call it once the change has completed: earlier, a lookup in between would read and store the old state.
     */
    public void invalidate(K key) {
        synchronized (lock) {
            invalidations++;
            entries.invalidate(key);
        }
    }

    /** The number of entries held, after expired and surplus ones have been removed. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
