package org.postage.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A message Postage accepted, known by its queue id, with one {@link Recipient} per envelope recipient. The raw
 * message itself lives in the durable queue until it is delivered; this record keeps its state.
 */
@Entity
@Table(name = "message")
public class Message {

    @Id
    @Column(name = "queue_id", length = 16)
    private String queueId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "envelope_sender", nullable = false, length = 320)
    private String envelopeSender;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    @OneToMany(mappedBy = "message", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Recipient> recipients = new ArrayList<>();

    protected Message() {
    }

    public Message(QueueId queueId, long accountId, String envelopeSender, long sizeBytes, Instant acceptedAt,
                   List<String> recipientAddresses) {
        this.queueId = queueId.value();
        this.accountId = accountId;
        this.envelopeSender = envelopeSender;
        this.sizeBytes = sizeBytes;
        this.acceptedAt = acceptedAt;
        for (String address : recipientAddresses) {
            recipients.add(new Recipient(this, address, acceptedAt));
        }
    }

    public Optional<Recipient> recipient(String address) {
        return recipients.stream().filter(r -> r.getAddress().equalsIgnoreCase(address)).findFirst();
    }

    /** The message's state is its least advanced recipient's: queued or deferred until every copy is final. */
    public DeliveryState state() {
        boolean anyDeferred = false;
        boolean anySent = false;
        for (Recipient r : recipients) {
            switch (r.getState()) {
                case QUEUED -> {
                    return DeliveryState.QUEUED;
                }
                case DEFERRED -> anyDeferred = true;
                case SENT -> anySent = true;
                case FAILED -> { }
            }
        }
        if (anyDeferred) {
            return DeliveryState.DEFERRED;
        }
        return anySent ? DeliveryState.SENT : DeliveryState.FAILED;
    }

    public String getQueueId() {
        return queueId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getEnvelopeSender() {
        return envelopeSender;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public List<Recipient> getRecipients() {
        return Collections.unmodifiableList(recipients);
    }
}
