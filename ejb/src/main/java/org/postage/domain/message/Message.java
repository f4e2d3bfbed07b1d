package org.postage.domain.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recipient's copy of a submission, with its own id, delivery state and the next hop's last reply. To, Cc
 * and Bcc recipients alike each get one.
 */
@Entity
@Table(name = "message")
public class Message {

    static final int MAX_REPLY_LENGTH = 1000;

    @Id
    @Column(length = 24)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "submission_id")
    private Submission submission;

    @Column(nullable = false, length = 320)
    private String recipient;

    // varchar, not the database's own enum type: with H2's ENUM, Hibernate read "3" back after a schema update
    // at restart, and every redelivered entry failed (found by CrashIT).
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, columnDefinition = "varchar(16)")
    private DeliveryState state;

    @Column(name = "last_reply", length = MAX_REPLY_LENGTH)
    private String lastReply;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Message() {}

    Message(Submission submission, MessageId id, String recipient, Instant now) {
        this.submission = submission;
        this.id = id.value();
        this.recipient = recipient;
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
        this.lastReply = truncate(reply);
        this.attempts++;
        this.updatedAt = now;
    }

    void reject(String reason, Instant now) {
        if (!state.isFinal()) {
            this.state = DeliveryState.REJECTED;
            this.lastReply = truncate(reason);
            this.updatedAt = now;
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_REPLY_LENGTH ? s : s.substring(0, MAX_REPLY_LENGTH);
    }

    public MessageId getId() {
        return new MessageId(id);
    }

    public Submission getSubmission() {
        return submission;
    }

    public String getRecipient() {
        return recipient;
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
