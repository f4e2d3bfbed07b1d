package org.postage.application.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.postage.application.submission.AcceptedSubmission;
import org.postage.application.support.GroupCommit;
import org.postage.domain.message.Message;
import org.postage.domain.message.MessageEvent;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.MessageRepository;
import org.postage.domain.message.QueueId;
import org.postage.domain.message.Submission;

/**
 * Stores what processing decided about a submission. Each call commits on its own, before the queue entries it
 * leads to are sent, so that the consumer's transaction holds only the queue.
 */
@ApplicationScoped
public class SubmissionRecords {

    /** The messages a stored submission was split into. */
    public record Registered(QueueId id, boolean rejected, List<Split> messages) {}

    public record Split(MessageId id, String recipient) {}

    /** An accepted submission on its way into a shared transaction; {@link #registered} is set by the write. */
    public static final class Acceptance {
        final AcceptedSubmission entry;
        final long sizeBytes;
        final String tag;
        final Map<String, String> metadata;
        final boolean openTracking;
        final boolean linkTracking;
        Registered registered;

        Acceptance(
                AcceptedSubmission entry,
                long sizeBytes,
                String tag,
                Map<String, String> metadata,
                boolean openTracking,
                boolean linkTracking) {
            this.entry = entry;
            this.sizeBytes = sizeBytes;
            this.tag = tag;
            this.metadata = metadata;
            this.openTracking = openTracking;
            this.linkTracking = linkTracking;
        }
    }

    /** As many as there are processing sessions (SubmissionProcessor's maxSession), with room to spare. */
    private static final int MAX_BATCH = 16;

    @Inject
    MessageRepository messages;

    @Inject
    Clock clock;

    /** This bean through its interceptors: {@link #writeAccepted} needs its transaction. */
    @Inject
    SubmissionRecords self;

    private final GroupCommit<Acceptance> acceptances = new GroupCommit<>(MAX_BATCH);

    /**
     * Records an accepted submission with one queued message per recipient; returns once that is committed. A
     * submission seen before (the queue handed it out again after a crash) is returned as stored, so its messages
     * keep their ids. Processing sessions that get here at about the same time share one transaction.
     */
    public Registered accept(
            AcceptedSubmission entry,
            long sizeBytes,
            String tag,
            Map<String, String> metadata,
            boolean openTracking,
            boolean linkTracking) {
        Acceptance acceptance = new Acceptance(entry, sizeBytes, tag, metadata, openTracking, linkTracking);
        acceptances.commit(acceptance, self::writeAccepted);
        return acceptance.registered;
    }

    /**
     * Records accepted submissions in one transaction of its own. Each is looked up by id first (a read by id:
     * Hibernate translates a query with an IN list of ids again at every call, which costs more).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void writeAccepted(List<Acceptance> batch) {
        for (Acceptance a : batch) {
            // Within the batch too: the same entry twice (never seen) would find the first one's records.
            Submission submission = messages.findSubmission(a.entry.id()).orElseGet(() -> {
                Submission created = create(a.entry, a.sizeBytes, false);
                created.applyOptions(a.tag, a.metadata, a.openTracking, a.linkTracking);
                record(created, MessageEvent.Type.QUEUED, null);
                return created;
            });
            a.registered = registered(submission);
        }
    }

    /** Records a submission that broke a rule: every message rejected, with the reason. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Registered reject(AcceptedSubmission entry, long sizeBytes, String reason) {
        return messages.findSubmission(entry.id())
                .map(SubmissionRecords::registered)
                .orElseGet(() -> {
                    Submission submission = create(entry, sizeBytes, false);
                    submission.reject(reason, clock.instant());
                    record(submission, MessageEvent.Type.REJECTED, reason);
                    return registered(submission);
                });
    }

    /** Records mail Postage itself sends (an NDR, a verification link), so that its delivery is tracked like any
     * message. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Registered report(AcceptedSubmission entry, long sizeBytes) {
        Submission submission = create(entry, sizeBytes, true);
        record(submission, MessageEvent.Type.QUEUED, null);
        return registered(submission);
    }

    /** As {@link #report}, in the caller's transaction: for own mail that must commit with another change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Registered recordOwn(AcceptedSubmission entry, long sizeBytes) {
        Submission submission = create(entry, sizeBytes, true);
        record(submission, MessageEvent.Type.QUEUED, null);
        return registered(submission);
    }

    /** Removes the record of own mail that was never queued, with its messages and events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discard(QueueId id) {
        messages.findSubmission(id).ifPresent(messages::remove);
    }

    private Submission create(AcceptedSubmission entry, long sizeBytes, boolean report) {
        Submission submission = new Submission(
                entry.id(),
                entry.accountId(),
                entry.envelopeSender(),
                sizeBytes,
                entry.acceptedAt(),
                entry.recipients(),
                report);
        messages.add(submission);
        return submission;
    }

    private void record(Submission submission, MessageEvent.Type type, String detail) {
        Instant now = clock.instant();
        for (Message m : submission.getMessages()) {
            messages.record(new MessageEvent(m.getId(), type, now, detail));
        }
    }

    private static Registered registered(Submission s) {
        return new Registered(
                new QueueId(s.getId()),
                s.isRejected(),
                s.getMessages().stream()
                        .map(m -> new Split(m.getId(), m.getRecipient()))
                        .toList());
    }
}
