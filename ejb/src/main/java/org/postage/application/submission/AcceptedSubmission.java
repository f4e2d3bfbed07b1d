package org.postage.application.submission;

import java.time.Instant;
import java.util.List;
import org.postage.domain.message.QueueId;

/**
 * One entry of the durable submission queue: what was accepted with a 250 and still has to be checked and split.
 * The raw message travels beside it.
 *
 * @param credential the SMTP username it came with, or null for other channels
 */
public record AcceptedSubmission(
        QueueId id,
        long accountId,
        String credential,
        String envelopeSender,
        List<String> recipients,
        Instant acceptedAt) {

    public AcceptedSubmission {
        recipients = List.copyOf(recipients);
    }
}
