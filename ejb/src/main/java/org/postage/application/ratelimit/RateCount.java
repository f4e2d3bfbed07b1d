package org.postage.application.ratelimit;

import org.postage.domain.ratelimit.RateLimits;
import org.postage.domain.ratelimit.RecipientRateCounter.Period;

/**
 * One message counted for a recipient: which rows it was counted in, so that it can be given back to exactly those
 * windows (not to the ones running when it is given back).
 *
 * @param address the recipient as counted ({@link org.postage.domain.mail.EnvelopeAddresses#key})
 * @param limits  the limits it was counted under: a period with no limit has no row and was not counted
 * @param at      when it was counted, in epoch seconds: the windows it was counted in
 */
public record RateCount(long accountId, String address, RateLimits limits, long at) {

    /** Whether this count took one from {@code period}'s window. */
    public boolean countedIn(Period period) {
        return (period == Period.MINUTE ? limits.perMinute() : limits.perHour()) > 0;
    }
}
