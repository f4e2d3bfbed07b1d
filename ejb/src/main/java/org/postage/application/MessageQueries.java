package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.postage.domain.MessageRepository;
import org.postage.domain.QueueId;

/** Read models of accepted messages, for the admin API. */
@ApplicationScoped
public class MessageQueries {

    public record RecipientView(String address, String state, String lastReply, int attempts, Instant updatedAt) {
    }

    public record MessageView(String id, long accountId, String envelopeSender, long sizeBytes, Instant acceptedAt,
                              String state, List<RecipientView> recipients) {
    }

    @Inject
    MessageRepository messages;

    // A transaction keeps the persistence context open while the recipients are read.
    @Transactional
    public Optional<MessageView> find(String queueId) {
        if (!QueueId.isValid(queueId)) {
            return Optional.empty();
        }
        return messages.find(new QueueId(queueId)).map(m -> new MessageView(m.getQueueId(), m.getAccountId(),
                m.getEnvelopeSender(), m.getSizeBytes(), m.getAcceptedAt(), m.state().name().toLowerCase(),
                m.getRecipients().stream().map(r -> new RecipientView(r.getAddress(), r.getState().name().toLowerCase(),
                        r.getLastReply(), r.getAttempts(), r.getUpdatedAt())).toList()));
    }
}
