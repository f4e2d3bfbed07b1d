package org.postage.application.ownmail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.postage.application.processing.OutboundQueue;
import org.postage.application.processing.QueuedMessage;
import org.postage.application.processing.SubmissionRecords;
import org.postage.application.submission.AcceptedSubmission;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.QueueId;

/**
 * Mail Postage writes itself (an NDR, a verification link): recorded as a submission of the account it concerns,
 * so its delivery is tracked like any message, and queued from the null sender, so nothing ever answers it.
 */
@ApplicationScoped
public class OwnMail {

    /** Own mail recorded in a transaction that has yet to commit; {@link #queue} it once that has. */
    public record Recorded(QueuedMessage entry, byte[] content) {

        public MessageId id() {
            return entry.messageId();
        }
    }

    @Inject
    SubmissionRecords records;

    @Inject
    OutboundQueue outbound;

    /** @param queueId the id the content was written for (its Message-ID names message 1 of it) */
    public MessageId send(QueueId queueId, long accountId, String recipient, byte[] content, Instant now) {
        AcceptedSubmission entry = new AcceptedSubmission(queueId, accountId, null, "", List.of(recipient), now);
        MessageId id = records.report(entry, content.length).messages().get(0).id();
        outbound.enqueue(new QueuedMessage(id, accountId, "", recipient, now, 0), content, Duration.ZERO);
        return id;
    }

    /**
     * Records the mail in the caller's transaction, for a change that must commit together with it (a sender and
     * its link's mail). Queue it with {@link #queue} after that commit; if queueing fails, {@link #discard} the record.
     *
     * @param queueId the id the content was written for (its Message-ID names message 1 of it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded record(QueueId queueId, long accountId, String recipient, byte[] content, Instant now) {
        AcceptedSubmission entry = new AcceptedSubmission(queueId, accountId, null, "", List.of(recipient), now);
        MessageId id =
                records.recordOwn(entry, content.length).messages().get(0).id();
        return new Recorded(new QueuedMessage(id, accountId, "", recipient, now, 0), content);
    }

    /** Queues recorded mail; durable when this returns. */
    public void queue(Recorded mail) {
        outbound.enqueue(mail.entry(), mail.content(), Duration.ZERO);
    }

    /** Takes back the record of mail that could not be queued, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discard(Recorded mail) {
        records.discard(mail.id().submission());
    }
}
