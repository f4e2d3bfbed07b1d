package org.postage.application.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.postage.application.processing.OutboundQueue;
import org.postage.application.processing.QueuedMessage;
import org.postage.domain.mail.SevenBitConversion;
import org.postage.domain.message.DeliveryState;
import org.postage.domain.message.RetryPolicy;
import org.postage.domain.submission.FromDomain;

/**
 * Delivers one queued message to the next hop, records the outcome, and queues a later attempt when it was
 * deferred, until the retry policy gives up.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());

    @Inject
    DeliveryRecords records;

    @Inject
    Relay relay;

    @Inject
    DkimSigning signing;

    @Inject
    ReturnPath returnPath;

    @Inject
    SigningDomains domains;

    @Inject
    OutboundQueue queue;

    @Inject
    RetryPolicy retryPolicy;

    @Inject
    Clock clock;

    /**
     * Runs inside the queue consumer's transaction: the retry entry and the record each commit on their own first.
     *
     * @param redelivered whether the queue may have handed out this entry before (after a crash or a rollback);
     *                    only then can the message already be final, so only then is its record read first
     */
    public void deliver(QueuedMessage entry, byte[] content, boolean redelivered) {
        if (redelivered && records.isFinal(entry.messageId())) {
            return;
        }
        Optional<SigningDomain> fromDomain = FromDomain.of(content).flatMap(domains::find);
        // Signed here, not when processing splits the submission: these are the bytes relayed, after every header
        // change, and each attempt gets a fresh signature (t=) made with the domain's current key. 8-bit mail to a
        // hop without 8BITMIME is converted to 7 bit first (RFC 6152), so the signature covers the converted bytes.
        RelayOutcome outcome = relay.send(
                returnPath.envelopeSender(entry, fromDomain.map(SigningDomain::name)),
                entry.recipient(),
                eightBitMime -> signing.sign(eightBitMime ? content : SevenBitConversion.convert(content), fromDomain));

        Duration delay = retryPolicy.delayAfter(entry.attempt() + 1);
        boolean deferred = outcome.state() == DeliveryState.DEFERRED;
        boolean retry = deferred
                && retryPolicy.allowsRetryAt(entry.acceptedAt(), clock.instant().plus(delay));
        if (deferred && !retry) {
            outcome = new RelayOutcome(
                    DeliveryState.FAILED,
                    "Gave up after " + (entry.attempt() + 1) + " attempts over " + retryPolicy.maxAge()
                            + "; last reply: " + outcome.reply());
        }
        records.recordOutcome(entry.messageId(), outcome);
        RelayOutcome logged = outcome;
        LOG.info(() -> "message_id=" + entry.messageId() + " to=<" + entry.recipient() + "> attempt="
                + (entry.attempt() + 1) + " state=" + logged.state() + " reply=\"" + logged.reply() + "\"");
        if (retry) {
            queue.enqueue(entry.nextAttempt(), content, delay); // unsigned: the next attempt signs again
        }
    }
}
