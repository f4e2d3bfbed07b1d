package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which credentials were active a moment ago, so that MAIL on an authenticated session does not query the
 * database for every message. A revocation on this node evicts at once; on another node of a cluster it takes
 * effect within {@link #TTL_NANOS}. AUTH itself never uses this: it always reads the credential.
 */
@ApplicationScoped
public class ActiveCredentials {

    static final long TTL_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, Long> activeUntil = new ConcurrentHashMap<>();

    public boolean isKnownActive(String username) {
        Long until = activeUntil.get(username);
        return until != null && System.nanoTime() - until < 0;
    }

    public void markActive(String username) {
        if (activeUntil.size() >= MAX_ENTRIES) {
            activeUntil.clear();
        }
        activeUntil.put(username, System.nanoTime() + TTL_NANOS);
    }

    public void forget(String username) {
        activeUntil.remove(username);
    }
}
