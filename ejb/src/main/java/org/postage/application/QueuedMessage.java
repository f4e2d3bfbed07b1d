package org.postage.application;

import java.time.Instant;
import java.util.List;
import org.postage.domain.QueueId;

/**
 * One entry of the durable outbound queue: which message, for which recipients still pending, and how many
 * delivery attempts came before. The raw content travels beside it.
 */
public record QueuedMessage(QueueId queueId, long accountId, String envelopeSender, List<String> recipients,
                            Instant acceptedAt, int attempt) {

    public QueuedMessage {
        recipients = List.copyOf(recipients);
    }

    /** The entry for the next attempt, for the recipients that were deferred. */
    public QueuedMessage retryFor(List<String> deferred) {
        return new QueuedMessage(queueId, accountId, envelopeSender, deferred, acceptedAt, attempt + 1);
    }
}
