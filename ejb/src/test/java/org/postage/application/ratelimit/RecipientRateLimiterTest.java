package org.postage.application.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.transaction.RollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postage.api.SmtpReplies;
import org.postage.domain.ratelimit.RateLimits;
import org.postage.domain.ratelimit.RecipientRateCounter.Period;

/**
 * The limiter's handling of missing rows, and giving counts back, against rows kept in memory instead of the
 * database.
 */
class RecipientRateLimiterTest {

    @Test
    void aCreatorThatLosesTheRaceWithACheckedRollbackExceptionCountsOnTheWinnersRow() {
        Rows rows = new Rows(new RateLimits(10, 100));
        rows.otherSessionWinsTheRace = true;
        assertEquals(SmtpReplies.RECIPIENT_OK, limiter(rows).admit(1, "Reader@Example.net"));
        assertEquals(Map.of(Period.MINUTE, 1, Period.HOUR, 1), rows.counts, "counted once, on the other's rows");
    }

    @Test
    void rowsThatCannotBeCreatedGive451AfterAFewAttempts() {
        Rows rows = new Rows(new RateLimits(10, 100));
        rows.creationFails = true;
        assertEquals(SmtpReplies.LOCAL_ERROR, limiter(rows).admit(1, "reader@example.net"));
        assertEquals(RecipientRateLimiter.COUNT_ATTEMPTS, rows.takes);
    }

    @Test
    void onlyThePeriodsWithALimitGetARow() {
        Rows rows = new Rows(new RateLimits(0, 100));
        assertEquals(SmtpReplies.RECIPIENT_OK, limiter(rows).admit(1, "reader@example.net"));
        assertEquals(List.of(Period.HOUR), rows.created);
        assertEquals(2, rows.takes);
    }

    @Test
    void anAccountsLimitsAreReadOnceWithinTheTimeToLiveAndAgainAfterAChangeOnThisNode() {
        Rows rows = new Rows(new RateLimits(0, 0));
        RecipientRateLimiter limiter = limiter(rows);
        assertEquals(SmtpReplies.RECIPIENT_OK, limiter.admit(1, "reader@example.net"));
        assertEquals(SmtpReplies.RECIPIENT_OK, limiter.admit(1, "other@example.net"));
        assertEquals(1, rows.limitReads);
        rows.limits = new RateLimits(10, 100);
        limiter.limitsChanged(new AccountLimitsChanged(1));
        assertEquals(SmtpReplies.RECIPIENT_OK, limiter.admit(1, "reader@example.net"));
        assertEquals(2, rows.limitReads);
        assertEquals(Map.of(Period.MINUTE, 1, Period.HOUR, 1), rows.counts, "counted under the new limits");
    }

    // Giving back, against rows kept per window

    @Test
    void aCountGivenBackMakesRoomForTheNextMessageToThatRecipient() {
        InMemoryRateCounterRows rows = new InMemoryRateCounterRows();
        RecipientRateLimiter limiter = rows.limiter(CLOCK, new RateLimits(1, 10));

        RecipientRateLimiter.Admission first = limiter.count(1, "Reader@Example.net");
        assertEquals(SmtpReplies.RECIPIENT_OK, first.reply());
        assertEquals(new RateCount(1, "reader@example.net", new RateLimits(1, 10), NOW), first.counted());
        assertEquals(450, limiter.admit(1, "reader@example.net").code(), "the minute is full");

        limiter.giveBack(List.of(first.counted()));

        assertEquals(0, rows.count(1, "reader@example.net", Period.MINUTE, NOW));
        assertEquals(0, rows.count(1, "reader@example.net", Period.HOUR, NOW));
        assertEquals(SmtpReplies.RECIPIENT_OK, limiter.admit(1, "reader@example.net"));
    }

    @Test
    void aCountIsGivenBackToTheWindowsItWasCountedInNotToTheOnesRunningNow() {
        InMemoryRateCounterRows rows = new InMemoryRateCounterRows();
        MovableClock clock = new MovableClock(Instant.ofEpochSecond(NOW));
        RecipientRateLimiter limiter = rows.limiter(clock, new RateLimits(1, 10));
        RateCount earlier = limiter.count(1, "reader@example.net").counted();
        clock.advance(Duration.ofMinutes(1));
        long later = NOW + 60;
        assertEquals(SmtpReplies.RECIPIENT_OK, limiter.admit(1, "reader@example.net"), "a new minute");

        limiter.giveBack(List.of(earlier));

        assertEquals(0, rows.count(1, "reader@example.net", Period.MINUTE, NOW));
        assertEquals(1, rows.count(1, "reader@example.net", Period.MINUTE, later), "the new minute keeps its count");
        assertEquals(1, rows.count(1, "reader@example.net", Period.HOUR, later), "one of the hour's two given back");
        assertEquals(450, limiter.admit(1, "reader@example.net").code(), "this minute is still full");
    }

    @Test
    void onlyWhatWasCountedIsGivenBack() {
        InMemoryRateCounterRows rows = new InMemoryRateCounterRows();
        RecipientRateLimiter limiter = rows.limiter(CLOCK, new RateLimits(0, 10));
        RateCount counted = limiter.count(1, "reader@example.net").counted();
        rows.limits(2, new RateLimits(0, 0));
        rows.limits(3, new RateLimits(0, 1));
        limiter.count(3, "reader@example.net");

        assertNull(limiter.count(2, "reader@example.net").counted(), "no limits, nothing counted");
        assertNull(limiter.count(3, "reader@example.net").counted(), "refused, nothing counted");
        assertFalse(counted.countedIn(Period.MINUTE));
        limiter.giveBack(List.of(counted, counted));

        assertEquals(0, rows.count(1, "reader@example.net", Period.HOUR, NOW), "never below zero");
        assertEquals(1, rows.count(3, "reader@example.net", Period.HOUR, NOW));
        limiter.giveBack(List.of());
        assertEquals(1, rows.giveBacks(), "nothing to give back, no transaction");
    }

    private static final long NOW = Instant.parse("2026-11-26T10:00:05Z").getEpochSecond();
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    private static RecipientRateLimiter limiter(Rows rows) {
        RecipientRateLimiter limiter = new RecipientRateLimiter();
        limiter.rows = rows;
        limiter.clock = Clock.fixed(Instant.parse("2026-11-26T10:00:05Z"), ZoneOffset.UTC);
        return limiter;
    }

    /** Counts like the conditional updates do; creation can lose a race or fail as the JTA proxy makes it fail. */
    private static final class Rows extends RateCounterRows {

        RateLimits limits;
        int limitReads;
        final Map<Period, Integer> counts = new EnumMap<>(Period.class);
        final List<Period> created = new ArrayList<>();
        boolean otherSessionWinsTheRace;
        boolean creationFails;
        int takes;

        Rows(RateLimits limits) {
            this.limits = limits;
        }

        @Override
        public RateLimits limitsOf(long accountId, RateLimits defaults) {
            limitReads++;
            return limits;
        }

        @Override
        public Outcome take(long accountId, String address, RateLimits limits, long now) {
            takes++;
            if ((limits.perMinute() > 0 && !counts.containsKey(Period.MINUTE))
                    || (limits.perHour() > 0 && !counts.containsKey(Period.HOUR))) {
                return Outcome.NO_ROW;
            }
            counts.replaceAll((period, count) -> count + 1);
            return Outcome.TAKEN;
        }

        @Override
        public boolean createIfAbsent(long accountId, String address, Period period, long now) {
            if (creationFails) {
                throw new IllegalStateException("the database is away");
            }
            created.add(period);
            counts.putIfAbsent(period, 0);
            if (otherSessionWinsTheRace) {
                // What the @Transactional(REQUIRES_NEW) proxy throws when the commit hits the other's primary key.
                throw RecipientRateLimiterTest.<RuntimeException>sneaky(
                        new RollbackException("ARJUNA016053: Could not commit transaction."));
            }
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable checked) throws E {
        throw (E) checked;
    }
}
