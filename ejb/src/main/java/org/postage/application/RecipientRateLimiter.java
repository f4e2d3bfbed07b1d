package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.domain.Account;
import org.postage.domain.RateLimits;
import org.postage.domain.RecipientRateCounter;
import org.postage.domain.RecipientRateCounter.Period;

/**
 * Per-recipient rate limits, shared by every submission channel: admits one more message from an account to a
 * recipient address, or says when to try again. Counted in the database with conditional updates, so that
 * several nodes stay correct without a lock held across the SMTP conversation.
 */
@ApplicationScoped
public class RecipientRateLimiter {

    @PersistenceContext
    EntityManager em;

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
    @Transactional
    public Reply admit(long accountId, String recipient) {
        Account account = em.find(Account.class, accountId);
        RateLimits limits = account == null ? defaults() : account.rateLimits(defaults());
        if (limits.isUnlimited()) {
            return SmtpReplies.RECIPIENT_OK;
        }
        String address = recipient.toLowerCase(Locale.ROOT);
        long now = clock.instant().getEpochSecond();
        if (!take(accountId, address, Period.MINUTE, limits.perMinute(), now)) {
            return limited(recipient, limits.perMinute(), "minute", Period.MINUTE.windowEnd(now) - now);
        }
        if (!take(accountId, address, Period.HOUR, limits.perHour(), now)) {
            give(accountId, address, Period.MINUTE, limits.perMinute(), now);
            return limited(recipient, limits.perHour(), "hour", Period.HOUR.windowEnd(now) - now);
        }
        return SmtpReplies.RECIPIENT_OK;
    }

    /** Removes counters of windows that ended, so the table holds about two hours of traffic. */
    @Transactional
    public int forgetOldWindows() {
        long now = clock.instant().getEpochSecond();
        return em.createQuery("delete from RecipientRateCounter c where (c.key.period = 'MINUTE' and c.key.window < :m)"
                        + " or (c.key.period = 'HOUR' and c.key.window < :h)")
                .setParameter("m", Period.MINUTE.window(now) - 1)
                .setParameter("h", Period.HOUR.window(now) - 1)
                .executeUpdate();
    }

    private boolean take(long accountId, String address, Period period, int limit, long now) {
        if (limit == 0) {
            return true;
        }
        long window = period.window(now);
        if (increment(accountId, address, period, window, limit) == 1) {
            return true;
        }
        // No row yet, or the window is full: create the row (a concurrent creator wins harmlessly) and try once more.
        try {
            rows.createIfAbsent(new RecipientRateCounter.Key(accountId, address, period, window));
        } catch (RuntimeException lostTheRace) {
            // A concurrent creator's row is there now; the update below counts against it.
        }
        return increment(accountId, address, period, window, limit) == 1;
    }

    private void give(long accountId, String address, Period period, int limit, long now) {
        if (limit == 0) {
            return;
        }
        em.createQuery("update RecipientRateCounter c set c.count = c.count - 1 where c.key.accountId = :a"
                        + " and c.key.recipient = :r and c.key.period = :p and c.key.window = :w and c.count > 0")
                .setParameter("a", accountId).setParameter("r", address).setParameter("p", period.name())
                .setParameter("w", period.window(now))
                .executeUpdate();
    }

    private int increment(long accountId, String address, Period period, long window, int limit) {
        return em.createQuery("update RecipientRateCounter c set c.count = c.count + 1 where c.key.accountId = :a"
                        + " and c.key.recipient = :r and c.key.period = :p and c.key.window = :w and c.count < :limit")
                .setParameter("a", accountId).setParameter("r", address).setParameter("p", period.name())
                .setParameter("w", window).setParameter("limit", limit)
                .executeUpdate();
    }

    private static Reply limited(String recipient, int limit, String unit, long retryAfterSeconds) {
        return SmtpReplies.RECIPIENT_RATE_LIMITED.withText("Too many messages to <" + recipient + "> this " + unit
                + " (limit " + limit + " per " + unit + "); try again in " + retryAfterSeconds + " seconds");
    }
}
