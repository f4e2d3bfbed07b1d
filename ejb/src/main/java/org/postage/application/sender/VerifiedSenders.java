package org.postage.application.sender;

import org.postage.application.support.RecentlyConfirmed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether an address is a verified sender of an account, remembered for a few seconds after the database said so:
 * asked for every MAIL and every submission. Only "verified" is remembered, so a verification counts at once; a
 * removed sender stops counting at once on this node and within {@link #TTL_NANOS} on the others.
 */
@ApplicationScoped
public class VerifiedSenders {

    static final long TTL_NANOS = 5_000_000_000L;

    private final RecentlyConfirmed verified = new RecentlyConfirmed(TTL_NANOS);

    @Inject
    SenderRecords records;

    /** @param address normalised */
    public boolean isVerified(long accountId, String address) {
        String key = accountId + " " + address;
        if (verified.contains(key)) {
            return true;
        }
        boolean isVerified = records.isVerified(accountId, address);
        if (isVerified) {
            verified.confirm(key);
        } else {
            verified.forget(key);
        }
        return isVerified;
    }

    public void forget(long accountId, String address) {
        verified.forget(accountId + " " + address);
    }
}
