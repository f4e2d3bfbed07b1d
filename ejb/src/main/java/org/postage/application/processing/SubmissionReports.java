package org.postage.application.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.postage.application.ndr.FailedRecipient;
import org.postage.application.ndr.NdrDecision;
import org.postage.application.ndr.NdrPolicy;
import org.postage.application.ndr.NonDeliveryReport;
import org.postage.application.ndr.Problem;
import org.postage.application.ownmail.OwnMail;
import org.postage.application.submission.AcceptedSubmission;
import org.postage.application.submission.Refusals;
import org.postage.application.support.HostName;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.QueueId;
import org.postage.domain.submission.Violation;

/**
 * Tells the envelope sender that a submission was rejected: an RFC 3464 report from the null sender, queued for
 * delivery and tracked like any message. Never for a report, nor to the null sender.
 */
@ApplicationScoped
public class SubmissionReports {

    private static final Logger LOG = Logger.getLogger(SubmissionReports.class.getName());
    private final NdrPolicy policy = new NdrPolicy();

    @Inject
    OwnMail ownMail;

    @Inject
    Clock clock;

    @Inject
    HostName hostName;

    /** Queues the report within the caller's transaction, and records it. */
    public void rejected(
            AcceptedSubmission entry, SubmissionRecords.Registered rejected, byte[] raw, List<Violation> violations) {
        NdrDecision decision = policy.shouldReport(entry.envelopeSender(), raw);
        if (!decision.report()) {
            LOG.info(() -> "submission_id=" + entry.id() + ": no report sent: " + decision.reason());
            return;
        }
        Instant now = clock.instant();
        String reasons = violations.stream()
                .map(Violation::reason)
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        byte[] report = NonDeliveryReport.builder()
                .reportingHost(hostName.value())
                .queueId(entry.id())
                .envelopeSender(entry.envelopeSender())
                .original(raw)
                .arrivalDate(ZonedDateTime.ofInstant(entry.acceptedAt(), clock.getZone()))
                .date(ZonedDateTime.ofInstant(now, clock.getZone()))
                .problems(violations.stream()
                        .map(v -> new Problem(v.rule(), v.reason(), v.fix()))
                        .toList())
                .recipients(rejected.messages().stream()
                        .map(m -> new FailedRecipient(
                                m.recipient(), Refusals.replyFor(violations).withText(reasons)))
                        .toList())
                .build()
                .toBytes();
        MessageId id =
                ownMail.send(QueueId.next(now.toEpochMilli()), entry.accountId(), entry.envelopeSender(), report, now);
        LOG.info(
                () -> "submission_id=" + entry.id() + ": report " + id + " queued to <" + entry.envelopeSender() + ">");
    }
}
