package org.postage.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The free space of a real directory, as the disk check reads it. */
class DataDirectorySpaceTest {

    @TempDir
    Path data;

    @Test
    void theUsableSpaceIsThatOfTheDataDirectorysFileSystem() throws IOException {
        Files.createDirectories(data.resolve(DataDirectorySpace.JOURNAL));
        DataDirectorySpace space = new DataDirectorySpace(data);

        long expected = Files.getFileStore(data).getUsableSpace();
        long read = space.usableBytes();

        // Other processes write meanwhile: the two readings are close, not equal.
        assertTrue(Math.abs(expected - read) < 64L * 1024 * 1024, expected + " vs " + read);
        assertTrue(read > 0 && read < Long.MAX_VALUE, "a real reading: " + read);
    }

    @Test
    void aDirectoryThatCannotBeMeasuredRefusesNoMail() {
        DataDirectorySpace space = new DataDirectorySpace(data.resolve("missing"));

        assertEquals(Long.MAX_VALUE, space.usableBytes());
    }

    @Test
    void logLinesNameTheDirectory() {
        assertEquals(
                "the file system of " + data.toAbsolutePath().normalize(), new DataDirectorySpace(data).describe());
    }
}
