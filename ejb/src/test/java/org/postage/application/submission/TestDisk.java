package org.postage.application.submission;

/** The disk of the submission tests: plenty of room unless a test says otherwise. */
final class TestDisk implements DiskSpace {

    long usable = Long.MAX_VALUE / 2;

    @Override
    public long usableBytes() {
        return usable;
    }

    @Override
    public String describe() {
        return "the test disk";
    }
}
