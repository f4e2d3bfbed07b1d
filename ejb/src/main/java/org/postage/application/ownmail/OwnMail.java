package org.postage.application.ownmail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
}
