package org.postage.application.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.postage.api.SmtpSession;
import org.postage.domain.message.QueueId;

class ReceivedHeaderTest {

    private final QueueId id = QueueId.next(0);
    private final ZonedDateTime when = ZonedDateTime.parse("2026-11-26T10:15:30+01:00");

    @Test
    void namesClientServerProtocolQueueIdAndDate() {
        String h = render(new SmtpSession("s1", "192.0.2.7", "shop.example.com", true, "1:u"));
        assertEquals(
                "Received: from shop.example.com ([192.0.2.7])\r\n\tby postage.test (Postage) with ESMTPSA id " + id
                        + ";\r\n\tThu, 26 Nov 2026 10:15:30 +0100\r\n",
                h);
    }

    @Test
    void aHostileHeloNameCannotBreakTheHeader() {
        String h = render(new SmtpSession("s1", "192.0.2.7", "evil\r\nBcc: x@y (z)", false, "1:u"));
        assertEquals(3, h.split("\r\n").length);
        assertFalse(h.contains("Bcc: "));
        assertTrue(h.contains("with ESMTPA"));
    }

    private String render(SmtpSession session) {
        return new String(ReceivedHeader.render(session, "postage.test", id, when), StandardCharsets.US_ASCII);
    }
}
