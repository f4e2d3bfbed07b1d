package org.postage.domain.message;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client handed over in one SMTP transaction (or one API call): known by the queue id of the 250 reply,
 * split into one {@link Message} per envelope recipient. Holds what the Flexmail headers asked for.
 */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    @Column(length = 16)
    private String id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "envelope_sender", nullable = false, length = 320)
    private String envelopeSender;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    @Column(name = "rejection_reason", length = 4000)
    private String rejectionReason;

    @Column(length = 50)
    private String tag;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "submission_metadata", joinColumns = @JoinColumn(name = "submission_id"))
    @MapKeyColumn(name = "meta_key", length = 50)
    @Column(name = "meta_value", length = 998)
    @OrderBy
    private Map<String, String> metadata = new LinkedHashMap<>();

    @Column(name = "open_tracking", nullable = false)
    private boolean openTracking;

    @Column(name = "link_tracking", nullable = false)
    private boolean linkTracking;

    /** A report Postage sends about another submission (an NDR); never answered with a report itself. */
    @Column(nullable = false)
    private boolean report;

    @OneToMany(mappedBy = "submission", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Message> messages = new ArrayList<>();

    protected Submission() {}

    public Submission(
            QueueId id,
            long accountId,
            String envelopeSender,
            long sizeBytes,
            Instant acceptedAt,
            List<String> recipients,
            boolean report) {
        this.id = id.value();
        this.accountId = accountId;
        this.envelopeSender = envelopeSender;
        this.sizeBytes = sizeBytes;
        this.acceptedAt = acceptedAt;
        this.report = report;
        for (int i = 0; i < recipients.size(); i++) {
            messages.add(new Message(this, MessageId.of(id, i + 1), recipients.get(i), acceptedAt));
        }
    }

    /** What the submission's headers asked for, once they passed the rules. */
    public void applyOptions(String tag, Map<String, String> metadata, boolean openTracking, boolean linkTracking) {
        this.tag = tag;
        this.metadata = new LinkedHashMap<>(metadata);
        this.openTracking = openTracking;
        this.linkTracking = linkTracking;
    }

    /** The submission broke a rule: none of its messages is sent. */
    public void reject(String reason, Instant when) {
        this.rejectionReason = reason;
        messages.forEach(m -> m.reject(reason, when));
    }

    /** Rejected, or the least advanced message's state: queued or deferred until every copy is final. */
    public String state() {
        if (isRejected()) {
            return "rejected";
        }
        boolean anyDeferred = false;
        boolean anySent = false;
        for (Message m : messages) {
            switch (m.getState()) {
                case QUEUED -> {
                    return "queued";
                }
                case DEFERRED -> anyDeferred = true;
                case SENT -> anySent = true;
                case FAILED, REJECTED -> {}
            }
        }
        if (anyDeferred) {
            return "deferred";
        }
        return anySent ? "sent" : "failed";
    }

    public boolean isRejected() {
        return rejectionReason != null;
    }

    public String getId() {
        return id;
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

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getTag() {
        return tag;
    }

    public Map<String, String> getMetadata() {
        return Collections.unmodifiableMap(metadata);
    }

    public boolean isOpenTracking() {
        return openTracking;
    }

    public boolean isLinkTracking() {
        return linkTracking;
    }

    public boolean isReport() {
        return report;
    }

    public List<Message> getMessages() {
        return Collections.unmodifiableList(messages);
    }
}
