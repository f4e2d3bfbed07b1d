package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.postage.domain.Message;
import org.postage.domain.MessageEvent;
import org.postage.domain.MessageId;
import org.postage.domain.MessageRepository;

/**
 * The stored state of messages. Each method commits on its own, outside the queue's transaction, so that the
 * queue consumer's transaction holds a single resource and commits in one phase.
 */
@ApplicationScoped
public class DeliveryRecords {

    @Inject
    MessageRepository messages;

    @Inject
    Clock clock;

    /** Whether the message already reached a final state: a redelivered entry after a crash is not sent twice. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isFinal(MessageId id) {
        return messages.find(id).map(m -> m.getState().isFinal()).orElse(false);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordOutcome(MessageId id, RelayOutcome outcome) {
        Message message = messages.find(id)
                .orElseThrow(() -> new IllegalStateException("no record for queued message " + id));
        Instant now = clock.instant();
        message.recordAttempt(outcome.state(), outcome.reply(), now);
        messages.record(new MessageEvent(id, MessageEvent.typeOf(outcome.state()), now, outcome.reply()));
    }
}
