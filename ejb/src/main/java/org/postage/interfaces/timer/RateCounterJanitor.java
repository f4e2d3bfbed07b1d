package org.postage.interfaces.timer;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.postage.application.ratelimit.RecipientRateLimiter;

/** Clears rate counters of windows that ended, every ten minutes. */
@Singleton
public class RateCounterJanitor {

    @Inject
    RecipientRateLimiter limiter;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void forgetOldWindows() {
        limiter.forgetOldWindows();
    }
}
