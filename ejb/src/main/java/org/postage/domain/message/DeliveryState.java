package org.postage.domain.message;

/** Where one message (one recipient's copy of a submission) stands. */
public enum DeliveryState {
    /** Accepted and waiting for its first delivery attempt. */
    QUEUED,
    /** The next hop answered 2xx. Final. */
    SENT,
    /** The next hop answered 4xx or could not be reached; another attempt is scheduled. */
    DEFERRED,
    /** The next hop answered 5xx, or retries ran out. Final. */
    FAILED,
    /** The submission broke a rule and was never sent. Final. */
    REJECTED;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == REJECTED;
    }
}
