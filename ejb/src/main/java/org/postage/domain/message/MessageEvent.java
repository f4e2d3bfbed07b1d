package org.postage.domain.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something that happened to a message: the history the message-details API and webhooks report. */
@Entity
@Table(name = "message_event", indexes = @Index(name = "message_event_message", columnList = "message_id"))
public class MessageEvent {

    public enum Type {
        QUEUED,
        REJECTED,
        SENT,
        DEFERRED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_ids")
    @SequenceGenerator(name = "event_ids", sequenceName = "message_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "message_id", nullable = false, length = 24)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, columnDefinition = "varchar(16)") // see Message.state
    private Type type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(length = 1000)
    private String detail;

    protected MessageEvent() {}

    public MessageEvent(MessageId messageId, Type type, Instant occurredAt, String detail) {
        this.messageId = messageId.value();
        this.type = type;
        this.occurredAt = occurredAt;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public static Type typeOf(DeliveryState state) {
        return Type.valueOf(state.name());
    }

    public MessageId getMessageId() {
        return new MessageId(messageId);
    }

    public Type getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getDetail() {
        return detail;
    }
}
