package org.postage.application.credential;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which credentials were active a moment ago, and the senders each may use, so that MAIL on an authenticated
 * session does not query the database for every message. A revocation or a new sender list on this node evicts at
 * once; on another node of a cluster it takes effect within {@link #TTL_NANOS}. AUTH itself never uses this: it
 * always reads the credential.
 */
@ApplicationScoped
public class ActiveCredentials {

    static final long TTL_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(long until, CredentialScope scope) {
    }

    private final ConcurrentHashMap<String, Entry> active = new ConcurrentHashMap<>();

    /** The scope of a credential seen active less than {@link #TTL_NANOS} ago; empty when not known. */
    public Optional<CredentialScope> knownActive(String username) {
        Entry entry = active.get(username);
        return entry != null && System.nanoTime() - entry.until() < 0 ? Optional.of(entry.scope()) : Optional.empty();
    }

    public void markActive(String username, CredentialScope scope) {
        if (active.size() >= MAX_ENTRIES) {
            active.clear();
        }
        active.put(username, new Entry(System.nanoTime() + TTL_NANOS, scope));
    }

    public void forget(String username) {
        active.remove(username);
    }
}
