package org.postage.application.ratelimit;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postage.domain.ratelimit.RateLimits;
import org.postage.domain.ratelimit.RecipientRateCounter.Period;

/**
 * Counter rows kept in a map, one per account, recipient, period and window, counted as the conditional updates
 * count them: a missing row is NO_ROW, a full one is refused, a decrement never goes below zero.
 */
public final class InMemoryRateCounterRows extends RateCounterRows {

    private record Row(long accountId, String address, Period period, long window) {}

    private final Map<Row, Integer> rows = new HashMap<>();
    private final Map<Long, RateLimits> limits = new HashMap<>();
    private int giveBacks;

    /** A limiter counting in these rows, with {@code defaults} for accounts without limits of their own. */
    public RecipientRateLimiter limiter(Clock clock, RateLimits defaults) {
        RecipientRateLimiter limiter = new RecipientRateLimiter();
        limiter.rows = this;
        limiter.clock = clock;
        limiter.defaultLimits = defaults;
        return limiter;
    }

    public void limits(long accountId, RateLimits accountLimits) {
        limits.put(accountId, accountLimits);
    }

    /** The count of the window of {@code period} that holds {@code epochSecond}; 0 without a row. */
    public int count(long accountId, String address, Period period, long epochSecond) {
        return rows.getOrDefault(new Row(accountId, address, period, period.window(epochSecond)), 0);
    }

    /** How many give-back transactions ran. */
    public int giveBacks() {
        return giveBacks;
    }

    @Override
    public RateLimits limitsOf(long accountId, RateLimits defaults) {
        return limits.getOrDefault(accountId, defaults);
    }

    @Override
    public Outcome take(long accountId, String address, RateLimits limits, long now) {
        Outcome minute = takeOne(accountId, address, Period.MINUTE, limits.perMinute(), now);
        if (minute != Outcome.TAKEN) {
            return minute;
        }
        Outcome hour = takeOne(accountId, address, Period.HOUR, limits.perHour(), now);
        if (hour != Outcome.TAKEN && limits.perMinute() > 0) {
            rows.merge(row(accountId, address, Period.MINUTE, now), -1, Integer::sum);
        }
        return hour;
    }

    @Override
    public boolean createIfAbsent(long accountId, String address, Period period, long now) {
        return rows.putIfAbsent(row(accountId, address, period, now), 0) == null;
    }

    @Override
    public void giveBack(List<RateCount> counts) {
        giveBacks++;
        for (RateCount count : counts) {
            for (Period period : Period.values()) {
                if (count.countedIn(period)) {
                    rows.computeIfPresent(
                            row(count.accountId(), count.address(), period, count.at()), (r, c) -> c > 0 ? c - 1 : 0);
                }
            }
        }
    }

    private Outcome takeOne(long accountId, String address, Period period, int limit, long now) {
        if (limit == 0) {
            return Outcome.TAKEN;
        }
        Row row = row(accountId, address, period, now);
        Integer count = rows.get(row);
        if (count == null) {
            return Outcome.NO_ROW;
        }
        if (count >= limit) {
            return period == Period.MINUTE ? Outcome.MINUTE_FULL : Outcome.HOUR_FULL;
        }
        rows.put(row, count + 1);
        return Outcome.TAKEN;
    }

    private static Row row(long accountId, String address, Period period, long now) {
        return new Row(accountId, address, period, period.window(now));
    }
}
