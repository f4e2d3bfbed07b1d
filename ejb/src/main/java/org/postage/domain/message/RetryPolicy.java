package org.postage.domain.message;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a deferred recipient again: {@code firstDelay * factor^(attempt-1)}, capped at {@code maxDelay},
 * until the message is {@code maxAge} old; after that the recipient fails.
 */
public record RetryPolicy(Duration firstDelay, double factor, Duration maxDelay, Duration maxAge) {

    public RetryPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("first retry delay must be positive: " + firstDelay);
        }
        if (factor < 1.0) {
            throw new IllegalArgumentException("retry factor must be at least 1: " + factor);
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException(
                    "maximum retry delay " + maxDelay + " is below the first delay " + firstDelay);
        }
    }

    /** The delay before attempt number {@code attemptsSoFar + 1}, given that {@code attemptsSoFar >= 1} failed. */
    public Duration delayAfter(int attemptsSoFar) {
        double millis = firstDelay.toMillis() * Math.pow(factor, Math.max(0, attemptsSoFar - 1));
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }

    /** Whether a message accepted at {@code acceptedAt} may still be retried at {@code retryAt}. */
    public boolean allowsRetryAt(Instant acceptedAt, Instant retryAt) {
        return !retryAt.isAfter(acceptedAt.plus(maxAge));
    }
}
