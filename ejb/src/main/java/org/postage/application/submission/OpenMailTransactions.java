package org.postage.application.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import org.postage.application.ratelimit.RateCount;
import org.postage.domain.mail.EnvelopeAddresses;

/**
 * What each SMTP session's mail transaction in progress has admitted: its recipients (one per
 * {@link EnvelopeAddresses#key}) and the rate-limit count each took, until the resource adapter says how the
 * transaction ended (SubmissionListener's contract). Abandoned, its counts are handed back to be given back; its
 * message answered 250, the adapter says nothing, so a transaction whose message went to the queue is forgotten a
 * {@link #HANDED_OVER_GRACE} later (or at the session's next MAIL), its counts standing. Whether its transaction
 * committed is the adapter's to judge: a commit that fails (or ends in doubt) makes it report the transaction
 * abandoned, which gives back within that time. Kept in this node's memory, since an SMTP session lives on one node.
 */
@ApplicationScoped
public class OpenMailTransactions {

    /** Far longer than a commit takes; a report of failure later than this finds the counts standing. */
    static final Duration HANDED_OVER_GRACE = Duration.ofMinutes(1);

    /** Longer than any window a count was taken in: giving back after that changes nothing. */
    static final Duration STALE_AFTER = Duration.ofHours(2);

    private final ConcurrentMap<String, Open> bySession = new ConcurrentHashMap<>();
    /** Transactions whose message went to the queue, oldest first. */
    private final ConcurrentLinkedQueue<HandedOver> handedOver = new ConcurrentLinkedQueue<>();

    @Inject
    Clock clock;

    /** A new transaction starts: what an earlier one left behind belonged to an accepted message and stands. */
    void begin(String sessionId) {
        bySession.remove(sessionId);
    }

    /** Whether the session's transaction already has this recipient, in any spelling that counts as the same. */
    boolean has(String sessionId, String recipient) {
        Open open = bySession.get(sessionId);
        return open != null && open.has(EnvelopeAddresses.key(recipient));
    }

    /** @param counted what admitting the recipient counted, or null when nothing was */
    void admitted(String sessionId, String recipient, RateCount counted) {
        bySession
                .computeIfAbsent(sessionId, id -> new Open(clock.instant()))
                .add(EnvelopeAddresses.key(recipient), counted);
    }

    /** The transaction's message is in the submission queue, to be committed with the caller's transaction. */
    void handedOver(String sessionId) {
        Instant now = clock.instant();
        Open open = bySession.get(sessionId);
        if (open != null) {
            handedOver.add(new HandedOver(sessionId, open, now));
        }
        // Each hand-over forgets those past their grace: the memory held follows the message rate.
        Instant before = now.minus(HANDED_OVER_GRACE);
        for (HandedOver oldest = handedOver.peek();
                oldest != null && oldest.at().isBefore(before);
                oldest = handedOver.peek()) {
            if (handedOver.remove(oldest)) {
                bySession.remove(oldest.sessionId(), oldest.open());
            }
        }
    }

    /** The transaction ended without a message: what it counted, now to be given back. */
    List<RateCount> abandon(String sessionId) {
        Open open = bySession.remove(sessionId);
        return open == null ? List.of() : open.counts();
    }

    /** Forgets transactions open for longer than {@link #STALE_AFTER}; answers how many. */
    public int forgetStale() {
        Instant before = clock.instant().minus(STALE_AFTER);
        int forgotten = 0;
        for (Map.Entry<String, Open> entry : bySession.entrySet()) {
            if (entry.getValue().began.isBefore(before) && bySession.remove(entry.getKey(), entry.getValue())) {
                forgotten++;
            }
        }
        handedOver.removeIf(h -> h.at().isBefore(before));
        return forgotten;
    }

    /** Transactions held, for tests. */
    int size() {
        return bySession.size();
    }

    private record HandedOver(String sessionId, Open open, Instant at) {}

    /** One transaction: its session's thread adds to it; the janitor only reads when it began. */
    private static final class Open {

        final Instant began;
        private final Map<String, RateCount> recipients = new HashMap<>();

        Open(Instant began) {
            this.began = began;
        }

        synchronized boolean has(String key) {
            return recipients.containsKey(key);
        }

        synchronized void add(String key, RateCount counted) {
            recipients.putIfAbsent(key, counted);
        }

        synchronized List<RateCount> counts() {
            List<RateCount> counts = new ArrayList<>();
            for (RateCount count : recipients.values()) {
                if (count != null) {
                    counts.add(count);
                }
            }
            return counts;
        }
    }
}
