package org.postage.application.delivery;

import org.postage.application.sendingdomain.SendingDomainChanged;
import org.postage.application.sendingdomain.SendingDomainRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postage.domain.sendingdomain.SendingDomain;
import org.postage.domain.sendingdomain.DkimKeyPair;

/**
 * Sending domains as delivery signs with them, kept in memory for a short time: looking the From domain up in a
 * transaction of its own for every copy (a query, its records, a commit) cost more CPU than relaying the copy.
 *
 * <p>Freshness: a change stored on this node ({@link SendingDomainChanged}) drops the entry once its transaction
 * has completed, so the next copy reads the database again. In a cluster, each node has its own cache and hears
 * only of its own changes: a domain added or rechecked through another node is seen here at the latest
 * {@link #TTL_SECONDS} later. That is harmless today, because what signing uses (name, selector, key) never
 * changes once a domain exists, and mail From a domain passes processing only after the domain was added (so no
 * node can have cached its absence while it mattered, short of a miss cached in the {@link #TTL_SECONDS} before
 * the domain was added). Key rotation, when it comes, must keep signing with the old selector for at least that
 * long, which DNS needs anyway.
 */
@ApplicationScoped
public class SigningDomains {

    /** How long an entry, found or not found, is trusted without asking the database. */
    static final long TTL_SECONDS = 30;

    private record Entry(Optional<SigningDomain> domain, long expiresAtNanos) {
    }

    @Inject
    SendingDomainRecords records;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on at every change: a lookup that raced with a change does not store what it read. */
    private final AtomicLong generation = new AtomicLong();

    /** @param name lower case, as {@link SendingDomain#normalise} leaves it */
    public Optional<SigningDomain> find(String name) {
        long now = System.nanoTime();
        Entry entry = entries.get(name);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return entry.domain();
        }
        long seen = generation.get();
        Optional<SigningDomain> domain = records.find(name).map(SigningDomains::signing);
        synchronized (this) {
            if (generation.get() == seen) {
                entries.put(name, new Entry(domain, now + TimeUnit.SECONDS.toNanos(TTL_SECONDS)));
            }
        }
        return domain;
    }

    /** After the transaction that stored the change, committed or not (immediately when there was none). */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) SendingDomainChanged change) {
        synchronized (this) {
            generation.incrementAndGet();
            entries.remove(change.name());
        }
    }

    private static SigningDomain signing(SendingDomain d) {
        // Decoding the PKCS#8 key costs more than the lookup did: done once per entry, not per copy.
        return new SigningDomain(d.getName(), d.getDkimSelector(),
                DkimKeyPair.fromPkcs8Base64(d.getDkimPrivateKey()).privateKey());
    }
}
