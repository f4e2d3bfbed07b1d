package org.postage.application.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import org.postage.domain.account.Account;
import org.postage.domain.ratelimit.RateLimits;
import org.postage.domain.ratelimit.RecipientRateCounter;
import org.postage.domain.ratelimit.RecipientRateCounter.Period;

/** The database side of the rate limiter: each method is one short transaction. */
@ApplicationScoped
public class RateCounterRows {

    public enum Outcome {
        TAKEN,
        MINUTE_FULL,
        HOUR_FULL,
        NO_ROW
    }

    @PersistenceContext
    EntityManager em;

    @Transactional
    public RateLimits limitsOf(long accountId, RateLimits defaults) {
        Account account = em.find(Account.class, accountId);
        return account == null ? defaults : account.rateLimits(defaults);
    }

    /**
     * Counts one message in the minute and the hour window, or neither. Only conditional updates: two sessions
     * counting the same recipient serialise on the row for the length of this transaction, never longer.
     */
    @Transactional
    public Outcome take(long accountId, String address, RateLimits limits, long now) {
        Outcome minute = takeOne(accountId, address, Period.MINUTE, limits.perMinute(), now);
        if (minute != Outcome.TAKEN) {
            return minute;
        }
        Outcome hour = takeOne(accountId, address, Period.HOUR, limits.perHour(), now);
        if (hour != Outcome.TAKEN && limits.perMinute() > 0) {
            decrement(accountId, address, Period.MINUTE, now);
        }
        return hour;
    }

    /**
     * An update that counted nothing means a full window, a missing row, or a row another session created or
     * changed a moment ago: the count read back tells which, and the last case is tried again.
     */
    private Outcome takeOne(long accountId, String address, Period period, int limit, long now) {
        if (limit == 0) {
            return Outcome.TAKEN;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            if (increment(accountId, address, period, limit, now) == 1) {
                return Outcome.TAKEN;
            }
            Integer count = count(accountId, address, period, now);
            if (count == null) {
                return Outcome.NO_ROW;
            }
            if (count >= limit) {
                return period == Period.MINUTE ? Outcome.MINUTE_FULL : Outcome.HOUR_FULL;
            }
        }
        throw new IllegalStateException("could not count a message to " + address + " after 5 attempts");
    }

    /**
     * Creates the window's row with count 0 unless it exists, and answers whether this call created it. Sessions
     * that race at the start of a window all find no row and insert; the primary key lets one win and fails the
     * others. The insert is flushed here so that losing is an answer, not a failed commit: the persistence provider
     * marks this transaction rollback-only and the interceptor rolls it back without an exception. (A failure at
     * commit reaches the caller as jakarta.transaction.RollbackException, checked and thrown undeclared through the
     * proxy; callers catch Exception for that reason.)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean createIfAbsent(long accountId, String address, Period period, long now) {
        RecipientRateCounter.Key key = new RecipientRateCounter.Key(accountId, address, period, period.window(now));
        if (em.find(RecipientRateCounter.class, key) != null) {
            return false;
        }
        try {
            em.persist(new RecipientRateCounter(key));
            em.flush();
            return true;
        } catch (PersistenceException anotherSessionCreatedItFirst) {
            return false;
        }
    }

    /** Takes each count back out of the windows it was counted in, never below zero. */
    @Transactional
    public void giveBack(List<RateCount> counts) {
        for (RateCount count : counts) {
            for (Period period : Period.values()) {
                if (count.countedIn(period)) {
                    decrement(count.accountId(), count.address(), period, count.at());
                }
            }
        }
    }

    @Transactional
    public int deleteBefore(long now) {
        return em.createQuery("delete from RecipientRateCounter c where (c.key.period = 'MINUTE' and c.key.window < :m)"
                        + " or (c.key.period = 'HOUR' and c.key.window < :h)")
                .setParameter("m", Period.MINUTE.window(now) - 1)
                .setParameter("h", Period.HOUR.window(now) - 1)
                .executeUpdate();
    }

    private int increment(long accountId, String address, Period period, int limit, long now) {
        return em.createQuery("update RecipientRateCounter c set c.count = c.count + 1 where c.key.accountId = :a"
                        + " and c.key.recipient = :r and c.key.period = :p and c.key.window = :w and c.count < :limit")
                .setParameter("a", accountId)
                .setParameter("r", address)
                .setParameter("p", period.name())
                .setParameter("w", period.window(now))
                .setParameter("limit", limit)
                .executeUpdate();
    }

    private void decrement(long accountId, String address, Period period, long now) {
        em.createQuery("update RecipientRateCounter c set c.count = c.count - 1 where c.key.accountId = :a"
                        + " and c.key.recipient = :r and c.key.period = :p and c.key.window = :w and c.count > 0")
                .setParameter("a", accountId)
                .setParameter("r", address)
                .setParameter("p", period.name())
                .setParameter("w", period.window(now))
                .executeUpdate();
    }

    private Integer count(long accountId, String address, Period period, long now) {
        return em.createQuery(
                        "select c.count from RecipientRateCounter c where c.key.accountId = :a"
                                + " and c.key.recipient = :r and c.key.period = :p and c.key.window = :w",
                        Integer.class)
                .setParameter("a", accountId)
                .setParameter("r", address)
                .setParameter("p", period.name())
                .setParameter("w", period.window(now))
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
