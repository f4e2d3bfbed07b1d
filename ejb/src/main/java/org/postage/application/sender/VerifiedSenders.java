package org.postage.application.sender;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.postage.application.support.LookupCache;

/**
 * Whether an address is a verified sender of an account, remembered for a few seconds after the database said so:
 * asked for every MAIL and every submission. Only "verified" is remembered, so a verification counts at once; a
 * removed sender stops counting at once on this node and within {@link #TTL} on the others.
 */
@ApplicationScoped
public class VerifiedSenders {

    static final Duration TTL = Duration.ofSeconds(5);

    private final LookupCache<String, Boolean> verified = LookupCache.expiringAfter(TTL);

    @Inject
    SenderRecords records;

    /** @param address normalised */
    public boolean isVerified(long accountId, String address) {
        return verified.get(
                key(accountId, address), k -> records.isVerified(accountId, address), Boolean::booleanValue);
    }

    /** Once the removal has committed. */
    public void forget(long accountId, String address) {
        verified.invalidate(key(accountId, address));
    }

    private static String key(long accountId, String address) {
        return accountId + " " + address;
    }
}
