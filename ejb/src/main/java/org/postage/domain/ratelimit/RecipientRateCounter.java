package org.postage.domain.ratelimit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * How many messages an account sent to one recipient in one minute or hour window. Kept in the database, not in a
 * JVM map, so that every node of a cluster counts against the same row; windows are aligned to the clock.
 */
@Entity
@Table(name = "recipient_rate_counter")
public class RecipientRateCounter {

    public enum Period {
        MINUTE(60),
        HOUR(3600);

        final long seconds;

        Period(long seconds) {
            this.seconds = seconds;
        }

        public long window(long epochSecond) {
            return epochSecond / seconds;
        }

        /** When the window that contains {@code epochSecond} ends. */
        public long windowEnd(long epochSecond) {
            return (window(epochSecond) + 1) * seconds;
        }
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "account_id")
        private long accountId;

        @Column(name = "recipient", length = 320)
        private String recipient;

        @Column(name = "period", length = 8)
        private String period;

        @Column(name = "window_start")
        private long window;

        protected Key() {}

        public Key(long accountId, String recipient, Period period, long window) {
            this.accountId = accountId;
            this.recipient = recipient;
            this.period = period.name();
            this.window = window;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && k.accountId == accountId
                    && k.window == window
                    && k.recipient.equals(recipient)
                    && k.period.equals(period);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(accountId, recipient, period, window);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private int count;

    protected RecipientRateCounter() {}

    public RecipientRateCounter(Key key) {
        this.key = key;
        this.count = 0;
    }

    public int getCount() {
        return count;
    }
}
