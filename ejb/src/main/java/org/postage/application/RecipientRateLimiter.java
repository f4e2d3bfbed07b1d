package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.domain.RateLimits;
import org.postage.domain.RecipientRateCounter.Period;

/**
 * Per-recipient rate limits, shared by every submission channel: admits one more message from an account to a
 * recipient address, or says when to try again. Counted in the database with conditional updates, so that
 * several nodes stay correct without a lock held across the SMTP conversation.
 */
@ApplicationScoped
public class RecipientRateLimiter {

    @Inject
    RateCounterRows rows;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "postage.rate.per-recipient-per-minute", defaultValue = "10")
    int defaultPerMinute;

    @Inject
    @ConfigProperty(name = "postage.rate.per-recipient-per-hour", defaultValue = "100")
    int defaultPerHour;

    public RateLimits defaults() {
        return new RateLimits(defaultPerMinute, defaultPerHour);
    }

    /** Counts the recipient if both windows have room; otherwise counts nothing and answers 450 4.7.1. */
    public Reply admit(long accountId, String recipient) {
        RateLimits limits = rows.limitsOf(accountId, defaults());
        if (limits.isUnlimited()) {
            return SmtpReplies.RECIPIENT_OK;
        }
        String address = recipient.toLowerCase(Locale.ROOT);
        long now = clock.instant().getEpochSecond();
        RateCounterRows.Outcome outcome = rows.take(accountId, address, limits, now);
        if (outcome == RateCounterRows.Outcome.NO_ROW) {
            // First message in a window: create its rows, each in a transaction of its own, outside the counting
            // one, so that a concurrent creator on another session or node only makes this step a no-op.
            for (Period period : Period.values()) {
                try {
                    rows.createIfAbsent(accountId, address, period, now);
                } catch (RuntimeException lostTheRace) {
                    // The other creator's row is there now.
                }
            }
            outcome = rows.take(accountId, address, limits, now);
        }
        return switch (outcome) {
            case TAKEN -> SmtpReplies.RECIPIENT_OK;
            case MINUTE_FULL -> limited(recipient, limits.perMinute(), "minute", Period.MINUTE.windowEnd(now) - now);
            case HOUR_FULL -> limited(recipient, limits.perHour(), "hour", Period.HOUR.windowEnd(now) - now);
            case NO_ROW -> SmtpReplies.LOCAL_ERROR; // rows that exist a moment ago are gone: only a cleanup race
        };
    }

    /** Removes counters of windows that ended, so the table holds about two hours of traffic. */
    public int forgetOldWindows() {
        return rows.deleteBefore(clock.instant().getEpochSecond());
    }

    private static Reply limited(String recipient, int limit, String unit, long retryAfterSeconds) {
        return SmtpReplies.RECIPIENT_RATE_LIMITED.withText("Too many messages to <" + recipient + "> this " + unit
                + " (limit " + limit + " per " + unit + "); try again in " + retryAfterSeconds + " seconds");
    }
}
