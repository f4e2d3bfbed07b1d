package org.postage.application.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.postage.application.sendingdomain.SendingDomainChanged;
import org.postage.application.sendingdomain.SendingDomainRecords;
import org.postage.application.support.LookupCache;
import org.postage.domain.sendingdomain.DkimKeyPair;
import org.postage.domain.sendingdomain.SendingDomain;

/**
 * Sending domains as delivery signs with them, kept in memory for a short time: looking the From domain up in a
 * transaction of its own for every copy (a query, its records, a commit) cost more CPU than relaying the copy.
 *
 * <p>Freshness: a change stored on this node ({@link SendingDomainChanged}) drops the entry once its transaction
 * has completed, so the next copy reads the database again; a lookup that was running meanwhile stores nothing
 * ({@link LookupCache}). In a cluster, each node has its own cache and hears only of its own changes: a domain
 * added or rechecked through another node is seen here at the latest {@link #TTL} later. That is harmless today,
 * because what signing uses (name, selector, key) never changes once a domain exists, and mail From a domain passes
 * processing only after the domain was added (so no node can have cached its absence while it mattered, short of a
 * miss cached in the {@link #TTL} before the domain was added). Key rotation, when it comes, must keep signing with
 * the old selector for at least that long, which DNS needs anyway.
 */
@ApplicationScoped
public class SigningDomains {

    /** How long an entry, found or not found, is trusted without asking the database. */
    static final Duration TTL = Duration.ofSeconds(30);

    @Inject
    SendingDomainRecords records;

    private final LookupCache<String, Optional<SigningDomain>> entries = LookupCache.expiringAfter(TTL);

    /** @param name lower case, as {@link SendingDomain#normalise} leaves it */
    public Optional<SigningDomain> find(String name) {
        return entries.get(name, n -> records.find(n).map(SigningDomains::signing));
    }

    /** After the transaction that stored the change, committed or not (immediately when there was none). */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) SendingDomainChanged change) {
        entries.invalidate(change.name());
    }

    private static SigningDomain signing(SendingDomain d) {
        // Decoding the PKCS#8 key costs more than the lookup did: done once per entry, not per copy.
        return new SigningDomain(
                d.getName(),
                d.getDkimSelector(),
                DkimKeyPair.fromPkcs8Base64(d.getDkimPrivateKey()).privateKey());
    }
}
