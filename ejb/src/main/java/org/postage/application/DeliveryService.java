package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.postage.domain.DeliveryState;
import org.postage.domain.RetryPolicy;

/**
 * Delivers one queue entry to the next hop, records each recipient's outcome, and queues a later attempt for
 * the deferred ones until the retry policy gives up on them.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());

    @Inject
    DeliveryRecords records;

    @Inject
    Relay relay;

    @Inject
    OutboundQueue queue;

    @Inject
    RetryPolicy retryPolicy;

    @Inject
    Clock clock;

    /**
     * Runs inside the queue consumer's transaction: the retry entry is sent in it, the records commit on their own.
     *
     * @param redelivered whether the queue may have handed out this entry before (after a crash or a rollback);
     *                    only then can some of its recipients already be final, so only then is the record read first
     */
    public void deliver(QueuedMessage entry, byte[] content, boolean redelivered) {
        List<String> pending = redelivered ? records.pendingRecipients(entry) : entry.recipients();
        if (pending.isEmpty()) {
            return;
        }
        Map<String, RelayOutcome> outcomes = new LinkedHashMap<>(relay.send(entry.envelopeSender(), pending, content));

        Duration delay = retryPolicy.delayAfter(entry.attempt() + 1);
        Instant retryAt = clock.instant().plus(delay);
        List<String> deferred = outcomes.entrySet().stream()
                .filter(e -> e.getValue().state() == DeliveryState.DEFERRED)
                .map(Map.Entry::getKey)
                .toList();
        boolean retry = !deferred.isEmpty() && retryPolicy.allowsRetryAt(entry.acceptedAt(), retryAt);
        if (!deferred.isEmpty() && !retry) {
            for (String address : deferred) {
                RelayOutcome last = outcomes.get(address);
                outcomes.put(address, new RelayOutcome(DeliveryState.FAILED,
                        "Gave up after " + (entry.attempt() + 1) + " attempts over " + retryPolicy.maxAge()
                                + "; last reply: " + last.reply()));
            }
        }
        records.recordOutcomes(entry, content.length, outcomes, entry.attempt() == 0 && !redelivered);
        outcomes.forEach((address, outcome) -> LOG.info(() -> "queue_id=" + entry.queueId() + " to=<" + address
                + "> attempt=" + (entry.attempt() + 1) + " state=" + outcome.state() + " reply=\"" + outcome.reply() + "\""));
        if (retry) {
            queue.enqueue(entry.retryFor(deferred), content, delay);
        }
    }
}
