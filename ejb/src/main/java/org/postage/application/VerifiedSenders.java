package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an address is a verified sender of an account, remembered for a few seconds after the database said so:
 * asked for every MAIL and every submission. Only "verified" is remembered, so a verification counts at once; a
 * removed sender stops counting at once on this node and within {@link #TTL_NANOS} on the others.
 */
@ApplicationScoped
public class VerifiedSenders {

    static final long TTL_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    @Inject
    SenderRecords records;

    /** @param address normalised */
    public boolean isVerified(long accountId, String address) {
        String key = accountId + " " + address;
        Long until = verifiedUntil.get(key);
        if (until != null && System.nanoTime() - until < 0) {
            return true;
        }
        boolean verified = records.isVerified(accountId, address);
        if (verified) {
            if (verifiedUntil.size() >= MAX_ENTRIES) {
                verifiedUntil.clear();
            }
            verifiedUntil.put(key, System.nanoTime() + TTL_NANOS);
        } else {
            verifiedUntil.remove(key);
        }
        return verified;
    }

    public void forget(long accountId, String address) {
        verifiedUntil.remove(accountId + " " + address);
    }
}
