package org.postage.domain.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueueIdTest {

    @Test
    void idsAreSixteenCrockfordCharactersAndSortByTime() {
        QueueId earlier = QueueId.next(1_700_000_000_000L);
        QueueId later = QueueId.next(1_700_000_000_001L);
        assertTrue(earlier.value().matches("[0-9A-HJKMNP-TV-Z]{16}"), earlier.value());
        assertTrue(earlier.value().compareTo(later.value()) < 0);
        assertNotEquals(QueueId.next(5).value(), QueueId.next(5).value());
    }

    @Test
    void anythingElseIsNotAQueueId() {
        assertFalse(QueueId.isValid("../etc/passwd"));
        assertFalse(QueueId.isValid("0000000000000000I"));
        assertFalse(QueueId.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> new QueueId("abc"));
    }
}
