package org.postage.application.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.postage.application.support.GroupCommit;
import org.postage.domain.message.Message;
import org.postage.domain.message.MessageEvent;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.MessageRepository;

/**
 * The stored state of messages. Each method commits on its own, outside the queue's transaction, so that the
 * queue consumer's transaction holds a single resource and commits in one phase.
 */
@ApplicationScoped
public class DeliveryRecords {

    /** One delivery attempt's outcome, as recorded. */
    public record Attempt(MessageId id, RelayOutcome outcome, Instant at) {}

    /** As many as there are delivery sessions (DeliveryConsumer's maxSession), with room to spare. */
    private static final int MAX_BATCH = 32;

    @Inject
    MessageRepository messages;

    @Inject
    Clock clock;

    /** This bean through its interceptors: {@link #write} needs its transaction. */
    @Inject
    DeliveryRecords self;

    private final GroupCommit<Attempt> outcomes = new GroupCommit<>(MAX_BATCH);

    /** Whether the message already reached a final state: a redelivered entry after a crash is not sent twice. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isFinal(MessageId id) {
        return messages.find(id).map(m -> m.getState().isFinal()).orElse(false);
    }

    /**
     * Records the outcome and its event; returns once they are committed. The delivery sessions that finish at
     * about the same time share one transaction (a commit per delivery was most of the delivery side's database
     * time), so this may wait for another session's write first.
     */
    public void recordOutcome(MessageId id, RelayOutcome outcome) {
        outcomes.commit(new Attempt(id, outcome, clock.instant()), self::write);
    }

    /**
     * Records attempts, in one transaction of its own. Each message is read by id: a query with an IN list of ids
     * was one statement, but Hibernate translated it again at every call (its plan depends on the list's length),
     * which cost more than the reads by id.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(List<Attempt> attempts) {
        for (Attempt a : attempts) {
            Message message = messages.find(a.id())
                    .orElseThrow(() -> new IllegalStateException("no record for queued message " + a.id()));
            message.recordAttempt(a.outcome().state(), a.outcome().reply(), a.at());
            messages.record(new MessageEvent(
                    a.id(),
                    MessageEvent.typeOf(a.outcome().state()),
                    a.at(),
                    a.outcome().reply()));
        }
    }
}
