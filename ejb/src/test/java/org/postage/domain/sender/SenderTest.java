package org.postage.domain.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SenderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(24));

    @Test
    void addressesAreKeptInLowerCaseAndMustBeEmailAddresses() {
        // What an address may be is EmailAddressTest's.
        assertEquals("orders@shop.example", new Sender(1, " Orders@Shop.Example ", NOW).getEmailAddress());
        assertThrows(IllegalArgumentException.class, () -> new Sender(1, "nope", NOW));
    }

    @Test
    void followingTheLinkBeforeItExpiresVerifiesOnce() {
        Sender s = pending();
        assertTrue(s.hasLiveLink(NOW));
        assertEquals(Sender.LinkOutcome.VERIFIED, s.followLink(NOW.plusSeconds(60)));
        assertTrue(s.isVerified());
        assertEquals(Sender.VerifiedBy.LINK, s.getVerifiedBy());
        assertEquals(NOW.plusSeconds(60), s.getVerifiedAt());
        assertFalse(s.hasLiveLink(NOW.plusSeconds(61)));
        assertEquals(Sender.LinkOutcome.ALREADY_USED, s.followLink(NOW.plusSeconds(120)));
    }

    @Test
    void anExpiredLinkVerifiesNothing() {
        Sender s = pending();
        assertEquals(Sender.LinkOutcome.EXPIRED, s.followLink(EXPIRES));
        assertFalse(s.isVerified());
        assertFalse(s.hasLiveLink(EXPIRES));
    }

    @Test
    void theOperatorVerifiesAtOnceAndSpendsAnyLink() {
        Sender s = pending();
        s.verifyByOperator(NOW.plusSeconds(5));
        assertTrue(s.isVerified());
        assertEquals(Sender.VerifiedBy.OPERATOR, s.getVerifiedBy());
        assertFalse(s.hasLiveLink(NOW.plusSeconds(6)));
        assertEquals(Sender.LinkOutcome.ALREADY_USED, s.followLink(NOW.plusSeconds(7)));
    }

    @Test
    void aNewLinkReplacesTheOldOne() {
        Sender s = pending();
        s.linkSent("b".repeat(64), NOW.plusSeconds(10), EXPIRES.plusSeconds(10));
        assertEquals(NOW.plusSeconds(10), s.getLinkSentAt());
        assertEquals(EXPIRES.plusSeconds(10), s.getLinkExpiresAt());
        assertNull(s.getVerifiedAt());
    }

    @Test
    void anUnmailedLinkGivesWayToTheEarlierOneUnlessSomethingNewerCameMeanwhile() {
        Sender s = pending();
        Sender.Link earlier = s.link();
        s.linkSent("b".repeat(64), NOW.plusSeconds(10), EXPIRES.plusSeconds(10));
        Sender.Link unsent = s.link();
        s.restoreLink(unsent, earlier);
        assertEquals(earlier, s.link());

        s.linkSent("b".repeat(64), NOW.plusSeconds(10), EXPIRES.plusSeconds(10));
        s.linkSent("c".repeat(64), NOW.plusSeconds(20), EXPIRES.plusSeconds(20));
        Sender.Link newer = s.link();
        s.restoreLink(unsent, earlier);
        assertEquals(newer, s.link(), "a newer link stays");

        s.verifyByOperator(NOW.plusSeconds(30));
        s.restoreLink(newer, earlier);
        assertFalse(s.hasLiveLink(NOW.plusSeconds(31)), "a verification spent every link");
    }

    private static Sender pending() {
        Sender s = new Sender(7, "orders@shop.example", NOW);
        s.linkSent("a".repeat(64), NOW, EXPIRES);
        return s;
    }
}
