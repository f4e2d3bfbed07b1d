package org.postage.application.submission;

/**
 * Free space where accepted mail is stored: the file system of the message journal (and of the database beside it).
 * Read often, so an implementation must be cheap: one system call, no listing.
 */
public interface DiskSpace {

    /** Bytes that can still be written there; the least over the file systems concerned. */
    long usableBytes();

    /** Where, for log lines: such as {@code the file system of /var/lib/postage/data}. */
    String describe();
}
