package org.postage.web.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.postage.domain.ratelimit.RateLimits;

/**
 * {@code {"per_recipient_per_minute": N, "per_recipient_per_hour": M}}: an account's per-recipient limits, 0 for
 * none. Both are required, so that a request says everything it changes.
 */
public record LimitsChange(
        @NotNull(message = "is required")
        @Min(value = 0, message = "must be a whole number of 0 or more")
        @Max(value = MAX, message = "must be at most {value} (0 means no limit)")
        Long perRecipientPerMinute,

        @NotNull(message = "is required")
        @Min(value = 0, message = "must be a whole number of 0 or more")
        @Max(value = MAX, message = "must be at most {value} (0 means no limit)")
        Long perRecipientPerHour) {

    static final long MAX = 1_000_000;

    RateLimits toRateLimits() {
        return new RateLimits(perRecipientPerMinute.intValue(), perRecipientPerHour.intValue());
    }
}
