package org.postage.application.submission;

/**
 * The free space Postage keeps on the disk that holds accepted mail: a message is accepted only if storing it leaves
 * at least this much, so that mail already accepted can still move through the pipeline and the message broker
 * never meets a full disk (ADR 0015).
 */
public record DiskReserve(long bytes) {

    private static final long MIB = 1024 * 1024;

    public static DiskReserve ofMebibytes(long mebibytes) {
        return new DiskReserve(mebibytes * MIB);
    }

    /** Whole mebibytes, for log lines. */
    static long mebibytes(long bytes) {
        return bytes / MIB;
    }
}
