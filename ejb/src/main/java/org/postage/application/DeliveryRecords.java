package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postage.domain.Message;
import org.postage.domain.MessageRepository;
import org.postage.domain.Recipient;

/**
 * The stored state of messages and recipients. Each method commits on its own, outside the queue's transaction,
 * so that the queue consumer's transaction holds a single resource and commits in one phase.
 */
@ApplicationScoped
public class DeliveryRecords {

    @Inject
    MessageRepository messages;

    @Inject
    Clock clock;

    /**
     * Which of a redelivered entry's recipients still need delivery: after a crash the same entry may come again,
     * and a recipient already recorded as final is not sent twice.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> pendingRecipients(QueuedMessage entry) {
        return messages.find(entry.queueId())
                .map(message -> entry.recipients().stream()
                        .filter(address -> message.recipient(address).map(r -> !r.getState().isFinal()).orElse(true))
                        .toList())
                .orElse(entry.recipients());
    }

    /**
     * Records one attempt's outcomes, creating the message's record on its first attempt: one commit per attempt.
     *
     * @param firstTime the entry is the message's first attempt and was never handed out before, so no record can
     *                  exist yet and none is looked up
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordOutcomes(QueuedMessage entry, long sizeBytes, Map<String, RelayOutcome> outcomes,
                               boolean firstTime) {
        Message message = (firstTime ? Optional.<Message>empty() : messages.find(entry.queueId())).orElseGet(() -> {
            Message created = new Message(entry.queueId(), entry.accountId(), entry.envelopeSender(), sizeBytes,
                    entry.acceptedAt(), entry.recipients());
            messages.add(created);
            return created;
        });
        outcomes.forEach((address, outcome) -> message.recipient(address)
                .ifPresent(r -> r.recordAttempt(outcome.state(), outcome.reply(), clock.instant())));
    }
}
