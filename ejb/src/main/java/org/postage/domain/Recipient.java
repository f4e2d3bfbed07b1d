package org.postage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One envelope recipient of a message, with its own delivery state and the next hop's last reply. */
@Entity
@Table(name = "message_recipient")
public class Recipient {

    static final int MAX_REPLY_LENGTH = 1000;

    // A pooled sequence rather than IDENTITY: ids come 50 at a time and inserts can be batched.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recipient_ids")
    @SequenceGenerator(name = "recipient_ids", sequenceName = "message_recipient_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "queue_id")
    private Message message;

    @Column(nullable = false, length = 320)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeliveryState state;

    @Column(name = "last_reply", length = MAX_REPLY_LENGTH)
    private String lastReply;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Recipient() {
    }

    Recipient(Message message, String address, Instant now) {
        this.message = message;
        this.address = address;
        this.state = DeliveryState.QUEUED;
        this.updatedAt = now;
    }

    /**
     * Records one delivery attempt. A final state is never left: a redelivered queue entry after a crash must not
     * turn a sent copy back into a pending one.
     */
    public void recordAttempt(DeliveryState outcome, String reply, Instant now) {
        if (state.isFinal()) {
            return;
        }
        this.state = outcome;
        this.lastReply = reply == null || reply.length() <= MAX_REPLY_LENGTH ? reply : reply.substring(0, MAX_REPLY_LENGTH);
        this.attempts++;
        this.updatedAt = now;
    }

    public String getAddress() {
        return address;
    }

    public DeliveryState getState() {
        return state;
    }

    public String getLastReply() {
        return lastReply;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
