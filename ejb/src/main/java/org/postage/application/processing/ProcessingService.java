package org.postage.application.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.postage.application.submission.AcceptedSubmission;
import org.postage.application.support.HostName;
import org.postage.domain.submission.FlexmailOptions;
import org.postage.domain.submission.RawMessageEditor;
import org.postage.domain.submission.Violation;

/**
 * Turns an accepted submission into messages: checks it against the submission rules ({@link SubmissionPolicy}),
 * and either splits it into
 * one message per recipient on the outbound queue, or rejects it and reports why to the envelope sender.
 * Runs in the submission queue consumer's transaction; the records commit on their own first, so a redelivered
 * entry finds them and keeps its message ids.
 */
@ApplicationScoped
public class ProcessingService {

    private static final Logger LOG = Logger.getLogger(ProcessingService.class.getName());
    private static final String FLEXMAIL_PREFIX = "X-Flexmail-";
    private static final String BCC = "Bcc";

    @Inject
    SubmissionRecords records;

    @Inject
    OutboundQueue outbound;

    @Inject
    SubmissionPolicy policy;

    @Inject
    SubmissionReports reports;

    @Inject
    HostName hostName;

    @Inject
    MessageIdPolicy messageIds;

    /**
     * A submission handed out again after a crash keeps the decision stored for it the first time, even if the
     * rules would now judge it otherwise (a sender verified meanwhile, say): the records say what happened.
     */
    public void process(AcceptedSubmission entry, byte[] raw) {
        SubmissionPolicy.Verdict verdict = policy.judge(entry.accountId(), entry.credential(), raw);
        List<Violation> violations = verdict.violations();
        if (!violations.isEmpty()) {
            String reason = violations.stream().map(Violation::reason).collect(Collectors.joining("; "));
            SubmissionRecords.Registered rejected = records.reject(entry, raw.length, reason);
            if (!rejected.rejected()) {
                split(entry, raw, rejected); // accepted the first time: its messages must still go out
                return;
            }
            LOG.info(() -> "submission_id=" + entry.id() + " rejected: " + reason);
            reports.rejected(entry, rejected, raw, violations);
            return;
        }
        FlexmailOptions options = verdict.inspection().options();
        SubmissionRecords.Registered registered = records.accept(
                entry, raw.length, options.tag(), options.metadata(), options.openTracking(), options.linkTracking());
        if (registered.rejected()) {
            return; // rejected the first time, and reported then
        }
        split(entry, raw, registered);
    }

    /** One copy per recipient on the outbound queue. */
    private void split(AcceptedSubmission entry, byte[] raw, SubmissionRecords.Registered registered) {
        // The Flexmail headers are instructions to Postage, and a Bcc header would show every Bcc recipient.
        byte[] outgoing = RawMessageEditor.removeHeadersWithPrefix(raw, FLEXMAIL_PREFIX);
        outgoing = RawMessageEditor.removeHeadersWithPrefix(outgoing, BCC);
        for (SubmissionRecords.Split message : registered.messages()) {
            byte[] content = messageIds.keepClientMessageId()
                    ? outgoing
                    : RawMessageEditor.replaceHeader(
                            outgoing, "Message-ID", "<" + message.id() + "@" + hostName.value() + ">");
            outbound.enqueue(
                    new QueuedMessage(
                            message.id(),
                            entry.accountId(),
                            entry.envelopeSender(),
                            message.recipient(),
                            entry.acceptedAt(),
                            0),
                    content,
                    Duration.ZERO);
        }
    }
}
