package org.postage.application.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Admits a message only if storing it leaves the {@link DiskReserve} free (ADR 0015). The free space is read at most
 * every {@link #READING_TTL}, and the messages admitted since the last reading count against it, so that a burst of
 * large messages cannot overrun the reserve between two readings. A full disk is logged when refusing starts and
 * when it ends, at most once a minute.
 */
@ApplicationScoped
public class DiskGuard {

    private static final Logger LOG = Logger.getLogger(DiskGuard.class.getName());

    /** Short enough that mail is accepted again within a second of space being freed. */
    static final Duration READING_TTL = Duration.ofMillis(500);

    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    @Inject
    DiskSpace space;

    @Inject
    DiskReserve reserve;

    @Inject
    Clock clock;

    private Instant readAt;
    private long usable;
    private long admittedSinceReading;
    private boolean refusing;
    private boolean refusalLogged;
    private Instant lastRefusalLog;

    /** Whether a message of this many bytes may be stored; if so, it counts against the space until the next read. */
    public synchronized boolean admits(long bytes) {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(READING_TTL))) {
            usable = space.usableBytes();
            readAt = now;
            admittedSinceReading = 0;
        }
        long free = usable - admittedSinceReading;
        boolean room = free - bytes >= reserve.bytes();
        if (room) {
            admittedSinceReading += bytes;
        }
        logChange(room, free, now);
        return room;
    }

    private void logChange(boolean room, long free, Instant now) {
        if (!room && !refusing) {
            refusing = true;
            if (lastRefusalLog == null || !now.isBefore(lastRefusalLog.plus(LOG_INTERVAL))) {
                lastRefusalLog = now;
                refusalLogged = true;
                LOG.warning(() -> "Disk nearly full: " + DiskReserve.mebibytes(free) + " MiB free on "
                        + space.describe() + ", where Postage keeps " + DiskReserve.mebibytes(reserve.bytes())
                        + " MiB free (POSTAGE_DISK_RESERVE_MB): new mail is answered 452 4.3.1 until space is freed");
            }
        } else if (room && refusing) {
            refusing = false;
            if (refusalLogged) {
                refusalLogged = false;
                LOG.info(() -> "Disk space back: " + DiskReserve.mebibytes(free) + " MiB free on " + space.describe()
                        + "; accepting mail again");
            }
        }
    }
}
