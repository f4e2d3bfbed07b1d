package org.postage.application.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reserve kept on the disk that holds accepted mail, against a disk and a clock kept in memory. */
class DiskGuardTest {

    private static final long MIB = 1024 * 1024;

    private final Disk disk = new Disk();
    private final TestClock clock = new TestClock();
    private final DiskGuard guard = new DiskGuard();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger logger = Logger.getLogger(DiskGuard.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    DiskGuardTest() {
        guard.space = disk;
        guard.reserve = DiskReserve.ofMebibytes(64);
        guard.clock = clock;
        logger.addHandler(handler);
    }

    @AfterEach
    void removeHandler() {
        logger.removeHandler(handler);
    }

    @Test
    void aMessageIsAdmittedWhileStoringItLeavesTheReserveFree() {
        disk.usable = 65 * MIB;

        assertTrue(guard.admits(MIB));
    }

    @Test
    void aMessageThatWouldLeaveLessThanTheReserveIsRefused() {
        disk.usable = 65 * MIB;

        assertFalse(guard.admits(MIB + 1));
        assertTrue(guard.admits(4096), "a smaller message still fits");
    }

    @Test
    void messagesAdmittedSinceTheLastReadingCountAgainstTheSpace() {
        disk.usable = 70 * MIB;

        for (int i = 0; i < 6; i++) {
            assertTrue(guard.admits(MIB), "message " + i);
        }
        assertFalse(guard.admits(MIB), "six admitted MiB left 64: the seventh would break the reserve");
        assertEquals(1, disk.readings, "one reading for the burst");
    }

    @Test
    void theSpaceIsReadAgainAfterHalfASecondSoFreedSpaceIsSeenAtOnce() {
        disk.usable = 10 * MIB;
        assertFalse(guard.admits(4096));

        disk.usable = 500 * MIB;
        clock.advance(Duration.ofMillis(499));
        assertFalse(guard.admits(4096), "the reading is still fresh");
        clock.advance(Duration.ofMillis(1));
        assertTrue(guard.admits(4096));
        assertEquals(2, disk.readings);
    }

    @Test
    void aNewReadingReplacesWhatWasCountedSinceTheLast() {
        disk.usable = 70 * MIB;
        assertTrue(guard.admits(6 * MIB));
        assertFalse(guard.admits(MIB));

        clock.advance(DiskGuard.READING_TTL); // the journal wrote them: the disk now says so itself
        assertTrue(guard.admits(MIB));
    }

    @Test
    void refusingIsLoggedOnceAsAWarningAndAcceptingAgainOnceAsInfo() {
        disk.usable = 10 * MIB;
        guard.admits(4096);
        guard.admits(4096);
        clock.advance(DiskGuard.READING_TTL);
        guard.admits(4096);
        disk.usable = 100 * MIB;
        clock.advance(DiskGuard.READING_TTL);
        guard.admits(4096);
        guard.admits(4096);

        assertEquals(
                List.of(Level.WARNING, Level.INFO),
                logged.stream().map(LogRecord::getLevel).toList());
        assertEquals(
                "Disk nearly full: 10 MiB free on the test disk, where Postage keeps 64 MiB free"
                        + " (POSTAGE_DISK_RESERVE_MB): new mail is answered 452 4.3.1 until space is freed",
                logged.get(0).getMessage());
        assertEquals(
                "Disk space back: 100 MiB free on the test disk; accepting mail again",
                logged.get(1).getMessage());
    }

    @Test
    void aDiskHoveringAtTheReserveIsLoggedAtMostOnceAMinute() {
        for (int i = 0; i < 10; i++) {
            disk.usable = 10 * MIB;
            clock.advance(DiskGuard.READING_TTL);
            guard.admits(4096);
            disk.usable = 100 * MIB;
            clock.advance(DiskGuard.READING_TTL);
            guard.admits(4096);
        }
        assertEquals(2, logged.size(), "one warning and its all-clear in these ten seconds");

        clock.advance(Duration.ofMinutes(1));
        disk.usable = 10 * MIB;
        guard.admits(4096);
        assertEquals(3, logged.size());
    }

    private static final class Disk implements DiskSpace {

        long usable;
        int readings;

        @Override
        public long usableBytes() {
            readings++;
            return usable;
        }

        @Override
        public String describe() {
            return "the test disk";
        }
    }

    private static final class TestClock extends Clock {

        private Instant now = Instant.parse("2026-12-04T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
