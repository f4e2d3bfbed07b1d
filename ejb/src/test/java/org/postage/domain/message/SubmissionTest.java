package org.postage.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private Submission submission(String... recipients) {
        return new Submission(
                QueueId.next(now.toEpochMilli()), 1, "shop@example.com", 100, now, List.of(recipients), false);
    }

    @Test
    void eachRecipientBecomesAMessageWithItsOwnId() {
        Submission s = submission("a@x.test", "b@x.test", "c@x.test");
        assertEquals(
                List.of(s.getId() + "-1", s.getId() + "-2", s.getId() + "-3"),
                s.getMessages().stream().map(m -> m.getId().value()).toList());
        assertEquals(new QueueId(s.getId()), s.getMessages().get(2).getId().submission());
    }

    @Test
    void aSubmissionIsQueuedUntilEveryMessageHasBeenTried() {
        Submission s = submission("a@x.test", "b@x.test");
        Message a = s.getMessages().get(0);
        Message b = s.getMessages().get(1);
        assertEquals("queued", s.state());
        a.recordAttempt(DeliveryState.SENT, "250 ok", now);
        assertEquals("queued", s.state());
        b.recordAttempt(DeliveryState.DEFERRED, "451 later", now);
        assertEquals("deferred", s.state());
        b.recordAttempt(DeliveryState.FAILED, "550 no", now);
        assertEquals("sent", s.state(), "sent to at least one, nothing pending");
    }

    @Test
    void aSubmissionFailedForEveryRecipientHasFailed() {
        Submission s = submission("a@x.test");
        s.getMessages().get(0).recordAttempt(DeliveryState.FAILED, "550 no", now);
        assertEquals("failed", s.state());
    }

    @Test
    void aRejectedSubmissionRejectsEveryMessageWithTheReason() {
        Submission s = submission("a@x.test", "b@x.test");
        s.reject("no text/html part", now);
        assertEquals("rejected", s.state());
        s.getMessages().forEach(m -> {
            assertEquals(DeliveryState.REJECTED, m.getState());
            assertEquals("no text/html part", m.getLastReply());
        });
    }

    @Test
    void aFinalStateIsNeverLeftWhenAnEntryComesAgainAfterACrash() {
        Message m = submission("a@x.test").getMessages().get(0);
        m.recordAttempt(DeliveryState.SENT, "250 ok", now);
        m.recordAttempt(DeliveryState.DEFERRED, "451 later", now);
        assertEquals(DeliveryState.SENT, m.getState());
        assertEquals(1, m.getAttempts());
        assertEquals("250 ok", m.getLastReply());
    }

    @Test
    void messageIdsHaveOneFormat() {
        assertThrows(IllegalArgumentException.class, () -> new MessageId("0000000000000000"));
        assertThrows(IllegalArgumentException.class, () -> new MessageId("0000000000000000-0"));
        assertEquals(
                "0000000000000000-12",
                MessageId.of(new QueueId("0000000000000000"), 12).value());
    }
}
