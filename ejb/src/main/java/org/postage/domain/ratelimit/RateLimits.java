package org.postage.domain.ratelimit;

/**
 * How many messages one account may send to one recipient address, per minute and per hour. Zero means no limit
 * (a benchmark account sends all its load to one recipient).
 */
public record RateLimits(int perMinute, int perHour) {

    public RateLimits {
        if (perMinute < 0 || perHour < 0) {
            throw new IllegalArgumentException(
                    "rate limits cannot be negative: " + perMinute + "/min, " + perHour + "/h");
        }
    }

    public boolean isUnlimited() {
        return perMinute == 0 && perHour == 0;
    }
}
