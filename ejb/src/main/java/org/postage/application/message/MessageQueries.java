package org.postage.application.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.postage.domain.message.Message;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.MessageRepository;
import org.postage.domain.message.QueueId;
import org.postage.domain.message.Submission;

/** Read models of submissions and messages, for the admin API. */
@ApplicationScoped
public class MessageQueries {

    public record EventView(String type, Instant at, String detail) {}

    public record MessageSummary(
            String id, String recipient, String state, String lastReply, int attempts, Instant updatedAt) {}

    public record MessageView(
            String id,
            String submissionId,
            long accountId,
            String envelopeSender,
            String recipient,
            String state,
            String lastReply,
            int attempts,
            Instant acceptedAt,
            Instant updatedAt,
            String tag,
            Map<String, String> metadata,
            boolean openTracking,
            boolean linkTracking,
            List<EventView> events) {}

    public record SubmissionView(
            String id,
            long accountId,
            String envelopeSender,
            long sizeBytes,
            Instant acceptedAt,
            String state,
            String rejectionReason,
            String tag,
            Map<String, String> metadata,
            boolean openTracking,
            boolean linkTracking,
            boolean report,
            List<MessageSummary> messages) {}

    @Inject
    MessageRepository messages;

    // A transaction keeps the persistence context open while the messages are read.
    @Transactional
    public Optional<SubmissionView> submission(String id) {
        if (!QueueId.isValid(id)) {
            return Optional.empty();
        }
        return messages.findSubmission(new QueueId(id))
                .map(s -> new SubmissionView(
                        s.getId(),
                        s.getAccountId(),
                        s.getEnvelopeSender(),
                        s.getSizeBytes(),
                        s.getAcceptedAt(),
                        s.state(),
                        s.getRejectionReason(),
                        s.getTag(),
                        s.getMetadata(),
                        s.isOpenTracking(),
                        s.isLinkTracking(),
                        s.isReport(),
                        s.getMessages().stream().map(MessageQueries::summary).toList()));
    }

    @Transactional
    public Optional<MessageView> message(String id) {
        if (!MessageId.isValid(id)) {
            return Optional.empty();
        }
        MessageId messageId = new MessageId(id);
        return messages.find(messageId).map(m -> {
            Submission s = m.getSubmission();
            return new MessageView(
                    id,
                    s.getId(),
                    s.getAccountId(),
                    s.getEnvelopeSender(),
                    m.getRecipient(),
                    state(m),
                    m.getLastReply(),
                    m.getAttempts(),
                    s.getAcceptedAt(),
                    m.getUpdatedAt(),
                    s.getTag(),
                    s.getMetadata(),
                    s.isOpenTracking(),
                    s.isLinkTracking(),
                    messages.events(messageId).stream()
                            .map(e -> new EventView(
                                    e.getType().name().toLowerCase(Locale.ROOT), e.getOccurredAt(), e.getDetail()))
                            .toList());
        });
    }

    private static MessageSummary summary(Message m) {
        return new MessageSummary(
                m.getId().value(), m.getRecipient(), state(m), m.getLastReply(), m.getAttempts(), m.getUpdatedAt());
    }

    private static String state(Message m) {
        return m.getState().name().toLowerCase(Locale.ROOT);
    }
}
