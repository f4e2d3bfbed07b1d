package org.postage.interfaces.timer;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.postage.application.ratelimit.RecipientRateLimiter;
import org.postage.application.submission.OpenMailTransactions;

/**
 * Clears rate counters of windows that ended, every ten minutes, and what SMTP sessions that vanished without a word
 * left of their open transactions.
 */
@Singleton
public class RateCounterJanitor {

    @Inject
    RecipientRateLimiter limiter;

    @Inject
    OpenMailTransactions transactions;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void forgetOldWindows() {
        limiter.forgetOldWindows();
        transactions.forgetStale();
    }
}
