package org.postage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private Message message(String... recipients) {
        return new Message(QueueId.next(now.toEpochMilli()), 1, "shop@example.com", 100, now, List.of(recipients));
    }

    @Test
    void aMessageIsQueuedUntilEveryRecipientHasBeenTried() {
        Message m = message("a@x.test", "b@x.test");
        assertEquals(DeliveryState.QUEUED, m.state());
        m.recipient("a@x.test").orElseThrow().recordAttempt(DeliveryState.SENT, "250 ok", now);
        assertEquals(DeliveryState.QUEUED, m.state());
        m.recipient("B@X.TEST").orElseThrow().recordAttempt(DeliveryState.DEFERRED, "451 later", now);
        assertEquals(DeliveryState.DEFERRED, m.state());
        m.recipient("b@x.test").orElseThrow().recordAttempt(DeliveryState.FAILED, "550 no", now);
        assertEquals(DeliveryState.SENT, m.state(), "sent to at least one, nothing pending");
    }

    @Test
    void aMessageFailedForEveryRecipientHasFailed() {
        Message m = message("a@x.test");
        m.recipient("a@x.test").orElseThrow().recordAttempt(DeliveryState.FAILED, "550 no", now);
        assertEquals(DeliveryState.FAILED, m.state());
    }

    @Test
    void aFinalStateIsNeverLeftWhenAnEntryComesAgainAfterACrash() {
        Message m = message("a@x.test");
        Recipient r = m.recipient("a@x.test").orElseThrow();
        r.recordAttempt(DeliveryState.SENT, "250 ok", now);
        r.recordAttempt(DeliveryState.DEFERRED, "451 later", now);
        assertEquals(DeliveryState.SENT, r.getState());
        assertEquals(1, r.getAttempts());
        assertEquals("250 ok", r.getLastReply());
    }
}
