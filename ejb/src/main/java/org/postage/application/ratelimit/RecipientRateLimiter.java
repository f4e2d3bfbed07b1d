package org.postage.application.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.application.support.LookupCache;
import org.postage.domain.mail.EnvelopeAddresses;
import org.postage.domain.ratelimit.RateLimits;
import org.postage.domain.ratelimit.RecipientRateCounter.Period;

/**
 * Per-recipient rate limits, shared by every submission channel: admits one more message from an account to a
 * recipient address, or says when to try again. Counted in the database with conditional updates, so that
 * several nodes stay correct without a lock held across the SMTP conversation.
 */
@ApplicationScoped
public class RecipientRateLimiter {

    private static final Logger LOG = Logger.getLogger(RecipientRateLimiter.class.getName());

    /** Counting attempts per RCPT; each one after the first creates the missing rows first. */
    static final int COUNT_ATTEMPTS = 4;

    /**
     * How long an account's limits are used without reading the account again: every RCPT needs them. A change
     * through this node applies at once, through another node within this time.
     */
    static final Duration LIMITS_TTL = Duration.ofSeconds(5);

    private final LookupCache<Long, RateLimits> limitsByAccount = LookupCache.expiringAfter(LIMITS_TTL);

    @Inject
    RateCounterRows rows;

    @Inject
    Clock clock;

    /** The operator's limits, for accounts that have none of their own. */
    @Inject
    RateLimits defaultLimits;

    public RateLimits defaults() {
        return defaultLimits;
    }

    /**
     * The limiter's answer to one recipient, and what it counted for it.
     *
     * @param counted what to give back should the message not be accepted after all; null when nothing was counted
     *                (the recipient was refused, or the account has no limits)
     */
    public record Admission(Reply reply, RateCount counted) {}

    /** Counts the recipient if both windows have room; otherwise counts nothing and answers 450 4.7.1. */
    public Reply admit(long accountId, String recipient) {
        return count(accountId, recipient).reply();
    }

    /** Like {@link #admit}, and says what was counted, for {@link #giveBack}. */
    public Admission count(long accountId, String recipient) {
        RateLimits limits = limitsOf(accountId);
        if (limits.isUnlimited()) {
            return new Admission(SmtpReplies.RECIPIENT_OK, null);
        }
        String address = EnvelopeAddresses.key(recipient);
        long now = clock.instant().getEpochSecond();
        RateCounterRows.Outcome outcome = rows.take(accountId, address, limits, now);
        Exception lastFailure = null;
        for (int attempt = 1; outcome == RateCounterRows.Outcome.NO_ROW && attempt < COUNT_ATTEMPTS; attempt++) {
            // First message in a window: create its rows, each in a transaction of its own, outside the counting
            // one, then count again. Creators race at the start of a window (one recipient, many sessions or nodes):
            // all but one lose on the primary key, which only means the row is there. Rows start at count 0 and are
            // counted only by the conditional update, so the race can neither count twice nor pass the limit.
            for (Period period : Period.values()) {
                if (limitOf(limits, period) > 0) {
                    try {
                        rows.createIfAbsent(accountId, address, period, now);
                    } catch (Exception notCreated) {
                        // Not only RuntimeException: a failed commit is a checked jakarta.transaction.RollbackException
                        // that the @Transactional proxy rethrows undeclared. Counting again tells whether it matters.
                        lastFailure = notCreated;
                    }
                }
            }
            outcome = rows.take(accountId, address, limits, now);
        }
        return switch (outcome) {
            case TAKEN -> new Admission(SmtpReplies.RECIPIENT_OK, new RateCount(accountId, address, limits, now));
            case MINUTE_FULL ->
                refused(limited(recipient, limits.perMinute(), "minute", Period.MINUTE.windowEnd(now) - now));
            case HOUR_FULL -> refused(limited(recipient, limits.perHour(), "hour", Period.HOUR.windowEnd(now) - now));
            case NO_ROW -> refused(noRow(accountId, address, lastFailure));
        };
    }

    /**
     * Gives back messages counted for mail that was not accepted after all (an abandoned SMTP transaction), each to
     * the windows it was counted in; a window that has ended meanwhile no longer matters. One short transaction.
     */
    public void giveBack(List<RateCount> counts) {
        if (!counts.isEmpty()) {
            rows.giveBack(counts);
        }
    }

    private static Admission refused(Reply reply) {
        return new Admission(reply, null);
    }

    private RateLimits limitsOf(long accountId) {
        return limitsByAccount.get(accountId, id -> rows.limitsOf(id, defaults()));
    }

    /** After the transaction that set the limits, committed or not. */
    void limitsChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccountLimitsChanged change) {
        limitsByAccount.invalidate(change.accountId());
    }

    /** Removes counters of windows that ended, so the table holds about two hours of traffic. */
    public int forgetOldWindows() {
        return rows.deleteBefore(clock.instant().getEpochSecond());
    }

    /** The rows could not be created after several attempts: the database refuses, not a race. */
    private static Reply noRow(long accountId, String address, Exception lastFailure) {
        LOG.warning(() -> "Rate counter rows of account " + accountId + " for <" + address + "> missing after "
                + COUNT_ATTEMPTS + " attempts; answering 451" + (lastFailure == null ? "" : ": " + lastFailure));
        return SmtpReplies.LOCAL_ERROR;
    }

    private static int limitOf(RateLimits limits, Period period) {
        return period == Period.MINUTE ? limits.perMinute() : limits.perHour();
    }

    private static Reply limited(String recipient, int limit, String unit, long retryAfterSeconds) {
        return SmtpReplies.RECIPIENT_RATE_LIMITED.withText("Too many messages to <" + recipient + "> this " + unit
                + " (limit " + limit + " per " + unit + "); try again in " + retryAfterSeconds + " seconds");
    }
}
