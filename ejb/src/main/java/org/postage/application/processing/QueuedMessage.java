package org.postage.application.processing;

import java.time.Instant;
import org.postage.domain.message.MessageId;

/**
 * One entry of the durable outbound queue: one message (one recipient's copy) and how many delivery attempts
 * came before. The content travels beside it.
 */
public record QueuedMessage(
        MessageId messageId, long accountId, String envelopeSender, String recipient, Instant acceptedAt, int attempt) {

    public QueuedMessage nextAttempt() {
        return new QueuedMessage(messageId, accountId, envelopeSender, recipient, acceptedAt, attempt + 1);
    }
}
